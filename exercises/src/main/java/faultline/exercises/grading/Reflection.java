package faultline.exercises.grading;

import java.util.Set;

/** The JDK calls by which code finds members by name at run time, which bytecode cannot follow. */
final class Reflection {
  private static final Set<String> REFLECTION_OWNERS =
      Set.of(
          "java/lang/invoke/MethodHandles",
          "java/lang/invoke/MethodHandles$Lookup",
          "java/lang/invoke/MethodHandle",
          "java/lang/invoke/VarHandle",
          "java/lang/ClassLoader");
  private static final Set<String> CLASS_LOOKUPS =
      Set.of(
          "forName",
          "getMethod",
          "getMethods",
          "getDeclaredMethod",
          "getDeclaredMethods",
          "getField",
          "getFields",
          "getDeclaredField",
          "getDeclaredFields",
          "getConstructor",
          "getConstructors",
          "getDeclaredConstructor",
          "getDeclaredConstructors",
          "getRecordComponents",
          "getClassLoader",
          "newInstance");

  static boolean isReflection(String owner, String name) {
    return REFLECTION_OWNERS.contains(owner)
        || (owner.equals("java/lang/Class") && CLASS_LOOKUPS.contains(name));
  }

  private Reflection() {}
}
