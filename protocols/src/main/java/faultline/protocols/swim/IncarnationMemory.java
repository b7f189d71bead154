package faultline.protocols.swim;

import faultline.engine.node.DurableStorage;

/**
 * Where a member keeps its own incarnation number. The paper's rules need it never to go down:
 * after a restart a member must announce itself above every incarnation others may hold for it, or
 * its alive is ignored and older accusations stick. So it lives on disk, synced before it is used.
 */
public enum IncarnationMemory {
  /** On the node's disk, synced when it changes: survives crashes. The default. */
  DURABLE {
    @Override
    long load(DurableStorage storage) {
      return storage.get(KEY, Long.class).orElse(0L);
    }

    @Override
    void store(DurableStorage storage, long incarnation) {
      storage.put(KEY, incarnation);
      storage.sync();
    }
  },
  /** The bug zoo's {@code forget_incarnation_on_restart}: kept only in memory. */
  VOLATILE {
    @Override
    long load(DurableStorage storage) {
      return 0;
    }

    @Override
    void store(DurableStorage storage, long incarnation) {}
  };

  static final String KEY = "swim.incarnation";

  /** The incarnation a member boots with. */
  abstract long load(DurableStorage storage);

  abstract void store(DurableStorage storage, long incarnation);
}
