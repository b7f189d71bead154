package faultline.visualizer.view;

/** The keyboard shortcuts, shown by {@code ?}. */
final class Shortcuts {
  static final String HELP =
      """
      Keyboard (when the timeline has focus; click it first)
        space        play / pause
        n  or  j     next event          p  or  k   previous event
        N or PgDn    next narration step  P or PgUp  previous step (narrated scenarios)
        v            next violation      f          next fault
        r            next role/state change
        + / -        zoom in / out       0          fit the whole run
        ← / →        pan                 Home/End   first / last event
        /            search (text or regular expression); Enter finds the next match
        [  /  ]      smaller / larger font (for projectors)
        m  /  M      membership view: next / previous member's views (then every member)
        a            membership view: every member at once
        g            gossip spread of the selected membership record's update (again: the next update)
        F5           presentation mode: full screen, large type, high-contrast colours,
                     thick lines, only the timeline and the caption; → / ← then step the
                     narration. F5 again or Esc leaves it.
        Esc          clear the selection and the spread; leave the narration
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

      Membership view (SWIM and heartbeat runs, under the timeline, same time axis)
        one member   top row: its truth (grey paused, dark crashed); then one row per member:
                     how that member held it. Light blue alive, yellow (dashed edges) suspect,
                     dark faulty, light grey left; "i3" is the incarnation; a vermillion edge
                     marks a false positive (declared faulty while it was up). Hover for the
                     source and the message; click to select the record in the timeline.
        every member one row per member, filled by the share of members holding it alive
                     (bottom), suspect, faulty (top); a vermillion bar while a verdict is false.
        spread       purple ring: a member found it itself; blue arrow: the message that
                     carried the update, from its send to the member that learned it; #k order.
        Members tab  choose the member and the update; the matrix of every view at the cursor.
      """;

  private Shortcuts() {}
}
