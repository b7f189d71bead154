package faultline.visualizer.view;

/** The keyboard shortcuts, shown by {@code ?}. */
final class Shortcuts {
  static final String HELP =
      """
      Keyboard (when the timeline has focus; click it first)
        space        play / pause
        n  or  j     next event          p  or  k   previous event
        v            next violation      f          next fault
        r            next role/state change
        + / -        zoom in / out       0          fit the whole run
        ← / →        pan                 Home/End   first / last event
        /            search (text or regular expression); Enter finds the next match
        [  /  ]      smaller / larger font (for projectors)
        Esc          clear the selection
        ?            this help

      Mouse
        wheel        zoom around the pointer
        drag         pan
        click        select an event or a message arrow: the Inspect tab shows its payload,
                     the node's state and clocks; orange rings mark everything that happened
                     before it, blue rings everything it could have influenced.

      Drawing
        lanes        one per node; segments coloured and labelled by role (or state)
        arrows       blue delivered, purple dashed duplicate, vermillion dashed with ✕ dropped
                     (the reason is written next to the cross), grey dashed in flight
        grey / dark  paused / crashed stretches
        blue bands   partitions, labelled with their groups; "blocked → n3" one-way blocks
        green line   the node's wall clock minus true time (offset, drift, jumps)
        triangles    invariant violations (also listed in the Violations tab)
        bars         client operations: blue ok, orange info, pink fail
      """;

  private Shortcuts() {}
}
