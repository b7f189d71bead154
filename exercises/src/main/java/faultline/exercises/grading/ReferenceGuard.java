package faultline.exercises.grading;

import faultline.exercises.Exercise;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Refuses student code that reaches the simulator's own answer instead of writing it, before any
 * check runs. It reads the bytecode (the constant pool) of the exercise's {@linkplain
 * Exercise#studentClasses student classes} and, transitively, of every class of the exercise's
 * package they refer to (the student's own helpers and wrappers), and refuses a reference to:
 *
 * <ul>
 *   <li>a class of {@link Exercise#referenceCode()} or one nested in it;
 *   <li>a member it declares ({@code ElectionRules#paper}), called, read, or taken as a method
 *       reference;
 *   <li>reflection: {@code java.lang.reflect}, method and var handles, {@code Class.forName} and
 *       the {@code Class} methods that look members up by name, and class loaders. (Lambdas, string
 *       concatenation and records compile to method handles too; those come from the compiler's
 *       bootstrap methods, which are not refused.)
 * </ul>
 *
 * <p>Simulator classes outside the exercise's package are trusted and not followed: the interfaces
 * the student implements and the records they read are allowed, and any simulator entry point that
 * returns the reference (a factory, a constant) must be declared as a member.
 */
public final class ReferenceGuard {
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

  private final Exercise exercise;
  private final String packagePrefix;

  private ReferenceGuard(Exercise exercise) {
    this.exercise = exercise;
    this.packagePrefix = exercise.folder() + "/";
  }

  /** Why {@code exercise}'s student code is refused, or empty if it writes its own rules. */
  public static Optional<String> refusal(Exercise exercise) {
    return new ReferenceGuard(exercise).scan();
  }

  private Optional<String> scan() {
    Deque<String> toRead = new ArrayDeque<>();
    Map<String, String> reachedFrom = new TreeMap<>();
    for (Class<?> root : exercise.studentClasses()) {
      String name = root.getName().replace('.', '/');
      reachedFrom.put(name, "");
      toRead.add(name);
    }
    while (!toRead.isEmpty()) {
      String className = toRead.poll();
      ClassModel model = read(className);
      for (PoolEntry entry : model.constantPool()) {
        Optional<String> refused = refused(entry);
        if (refused.isPresent()) {
          return Optional.of(explain(path(className, reachedFrom), refused.get()));
        }
        if (entry instanceof ClassEntry classEntry) {
          String target = classEntry.asInternalName();
          if (target.startsWith(packagePrefix)
              && target.indexOf('/', packagePrefix.length()) < 0
              && !reachedFrom.containsKey(target)) {
            reachedFrom.put(target, className);
            toRead.add(target);
          }
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> refused(PoolEntry entry) {
    if (entry instanceof ClassEntry classEntry) {
      return referenceClass(classEntry.asInternalName());
    }
    if (entry instanceof MemberRefEntry member) {
      String owner = member.owner().asInternalName();
      String name = member.name().stringValue();
      String dotted = owner.replace('/', '.');
      if (exercise.referenceCode().members().contains(dotted + "#" + name)) {
        return Optional.of(dotted + "." + name + ", the reference implementation");
      }
      if (isReflection(owner, name)) {
        return Optional.of(
            dotted + "." + name + ": reflection, which the grader cannot follow to its target");
      }
    }
    return Optional.empty();
  }

  private Optional<String> referenceClass(String internalName) {
    String dotted = internalName.replace('/', '.');
    for (String reference : exercise.referenceCode().classes()) {
      if (dotted.equals(reference) || dotted.startsWith(reference + "$")) {
        return Optional.of(reference + ", the reference implementation");
      }
    }
    if (internalName.startsWith("java/lang/reflect/")) {
      return Optional.of(dotted + ": reflection, which the grader cannot follow to its target");
    }
    return Optional.empty();
  }

  private static boolean isReflection(String owner, String name) {
    return REFLECTION_OWNERS.contains(owner)
        || (owner.equals("java/lang/Class") && CLASS_LOOKUPS.contains(name));
  }

  /** {@code LeaderCommit -> Shortcut}: how the student's code reached {@code className}. */
  private static String path(String className, Map<String, String> reachedFrom) {
    List<String> chain = new ArrayList<>();
    for (String at = className; !at.isEmpty(); at = reachedFrom.get(at)) {
      chain.addFirst(at.substring(at.lastIndexOf('/') + 1).replace('$', '.'));
    }
    return String.join(" -> ", chain);
  }

  private String explain(String path, String what) {
    return "refused without running: "
        + path
        + " uses "
        + what
        + " of what exercise "
        + exercise.id()
        + " asks you to write; code that reaches the simulator's own answer (directly, through a"
        + " class of yours that wraps it, or through reflection) earns no points. Write the rule"
        + " yourself.";
  }

  private ClassModel read(String internalName) {
    String resource = internalName + ".class";
    ClassLoader loader = exercise.getClass().getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no class file " + resource + " on the class path");
      }
      return ClassFile.of().parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
