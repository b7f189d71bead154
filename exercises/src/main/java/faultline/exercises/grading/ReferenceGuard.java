package faultline.exercises.grading;

import faultline.exercises.Exercise;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.NewObjectInstruction;
import java.lang.classfile.instruction.NewReferenceArrayInstruction;
import java.lang.classfile.instruction.TypeCheckInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Refuses student code that reaches the simulator's own answer instead of writing it, before any
 * check runs, method by method. From every method of the exercise's {@linkplain
 * Exercise#studentClasses student classes} it follows, in the bytecode, every call, field access,
 * object creation and method reference (lambdas included) into the student's other classes and into
 * the simulator's own classes (everything under {@code faultline}, the static initializer of a
 * class whose static members are used included), and refuses a method that reaches:
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
 * <p>So a simulator class that wraps the reference (a constant built from it, a method that calls
 * it) is refused when the student's code reaches it, and allowed code of the simulator (the records
 * the student reads, the interfaces they implement) is not. What the bytecode cannot show is not
 * followed: a call through an interface or an overridable method goes to the method the call names
 * (its default body, if any), not to every implementation; and a value the simulator keeps in a
 * field (a configuration's default rule) is data, not code. Those entry points must be declared as
 * members ({@code RaftConfig#readRule}).
 */
public final class ReferenceGuard {
  private static final String OUR_CODE = "faultline/";
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
  private final Map<String, Optional<ClassModel>> classes = new TreeMap<>();
  private final Map<String, Optional<String>> reached = new TreeMap<>();
  private final Set<String> inProgress = new TreeSet<>();

  private ReferenceGuard(Exercise exercise) {
    this.exercise = exercise;
  }

  /**
   * Why each method of {@code exercise}'s student classes that reaches the simulator's answer is
   * refused, keyed {@code Class.method} ({@code RaftElection.grantsVote}), in name order; empty
   * when the student writes their own rules.
   */
  public static Refusals refusals(Exercise exercise) {
    return new ReferenceGuard(exercise).scan();
  }

  /** Why {@code exercise}'s student code is refused, if any of it is: the first refusal. */
  public static Optional<String> refusal(Exercise exercise) {
    return refusals(exercise).first();
  }

  private Refusals scan() {
    Map<String, String> refused = new TreeMap<>();
    for (Class<?> root : exercise.studentClasses()) {
      String owner = root.getName().replace('.', '/');
      ClassModel model = classModel(owner).orElseThrow();
      for (MethodModel method : model.methods()) {
        String name = method.methodName().stringValue();
        Optional<String> why = reach(owner, name, method.methodType().stringValue());
        if (why.isPresent()) {
          refused.putIfAbsent(simpleName(owner) + "." + name, explain(why.get()));
        }
      }
    }
    return new Refusals(new TreeMap<>(refused));
  }

  /** The chain from {@code owner.name} to reference code, if it reaches any. */
  private Optional<String> reach(String owner, String name, String descriptor) {
    String key = owner + "." + name + descriptor;
    Optional<String> known = reached.get(key);
    if (known != null) {
      return known;
    }
    if (!inProgress.add(key)) {
      return Optional.empty(); // A cycle: what it reaches, the first visit finds.
    }
    // Reflection is refused in the student's own classes; the simulator's may use it freely.
    boolean students = owner.startsWith(exercise.folder() + "/");
    Optional<String> result =
        resolve(owner, name, descriptor)
            .flatMap(MethodModel::code)
            .flatMap(code -> scanCode(label(owner, name), code, students));
    inProgress.remove(key);
    reached.put(key, result);
    return result;
  }

  private Optional<String> scanCode(String label, CodeModel code, boolean students) {
    for (CodeElement element : code) {
      Optional<String> found = scanElement(element, students);
      if (found.isPresent()) {
        return Optional.of(label + (found.get().startsWith(" uses ") ? "" : " -> ") + found.get());
      }
    }
    return Optional.empty();
  }

  /** " uses X" when this instruction itself is refused, or the chain of a call that reaches one. */
  private Optional<String> scanElement(CodeElement element, boolean students) {
    return switch (element) {
      case InvokeInstruction invoke ->
          member(
              invoke.owner().asInternalName(),
              invoke.name().stringValue(),
              invoke.type().stringValue(),
              true,
              students);
      case FieldInstruction field ->
          member(
              field.owner().asInternalName(),
              field.name().stringValue(),
              null,
              field.opcode().name().endsWith("STATIC"),
              students);
      case InvokeDynamicInstruction dynamic -> handles(dynamic, students);
      case NewObjectInstruction created -> classUse(created.className(), true, students);
      case NewReferenceArrayInstruction array -> classUse(array.componentType(), false, students);
      case TypeCheckInstruction check -> classUse(check.type(), false, students);
      case ConstantInstruction.LoadConstantInstruction load
          when load.constantEntry() instanceof ClassEntry type ->
          classUse(type, false, students);
      default -> Optional.empty();
    };
  }

  /**
   * A call ({@code descriptor} not null) or a field access: refused outright, or followed into the
   * target's body (and the owner's static initializer when {@code initializes}).
   */
  private Optional<String> member(
      String owner, String name, String descriptor, boolean initializes, boolean students) {
    String dotted = owner.replace('/', '.');
    if (exercise.referenceCode().members().contains(dotted + "#" + name)) {
      return Optional.of(" uses " + dotted + "." + name + ", the reference implementation");
    }
    if (students && isReflection(owner, name)) {
      return Optional.of(
          " uses " + dotted + "." + name + ": reflection, which the grader cannot follow");
    }
    Optional<String> referenceClass = referenceClass(owner, students);
    if (referenceClass.isPresent()) {
      return referenceClass;
    }
    if (!owner.startsWith(OUR_CODE)) {
      return Optional.empty();
    }
    if (initializes) {
      Optional<String> initializer = reach(owner, "<clinit>", "()V");
      if (initializer.isPresent()) {
        return initializer;
      }
    }
    return descriptor == null ? Optional.empty() : reach(owner, name, descriptor);
  }

  /** The method handles of an invokedynamic (a lambda's body, a method reference's target). */
  private Optional<String> handles(InvokeDynamicInstruction dynamic, boolean students) {
    for (var argument : dynamic.bootstrapArgs()) {
      if (argument instanceof DirectMethodHandleDesc handle) {
        Optional<String> found =
            member(
                internalName(handle.owner()),
                handle.methodName(),
                handle.lookupDescriptor(),
                handle.kind() == DirectMethodHandleDesc.Kind.STATIC,
                students);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> classUse(ClassEntry type, boolean initializes, boolean students) {
    String name = type.asInternalName();
    Optional<String> refused = referenceClass(name, students);
    if (refused.isPresent() || !initializes || !name.startsWith(OUR_CODE)) {
      return refused;
    }
    return reach(name, "<clinit>", "()V");
  }

  private Optional<String> referenceClass(String internalName, boolean students) {
    String element = internalName.replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
    String dotted = element.replace('/', '.');
    for (String reference : exercise.referenceCode().classes()) {
      if (dotted.equals(reference) || dotted.startsWith(reference + "$")) {
        return Optional.of(" uses " + reference + ", the reference implementation");
      }
    }
    if (students && element.startsWith("java/lang/reflect/")) {
      return Optional.of(" uses " + dotted + ": reflection, which the grader cannot follow");
    }
    return Optional.empty();
  }

  private static boolean isReflection(String owner, String name) {
    return REFLECTION_OWNERS.contains(owner)
        || (owner.equals("java/lang/Class") && CLASS_LOOKUPS.contains(name));
  }

  /** The method a call names, in its class or the nearest superclass or interface declaring it. */
  private Optional<MethodModel> resolve(String owner, String name, String descriptor) {
    Optional<ClassModel> model = classModel(owner);
    if (model.isEmpty()) {
      return Optional.empty();
    }
    for (MethodModel method : model.get().methods()) {
      if (method.methodName().equalsString(name)
          && method.methodType().equalsString(descriptor)
          && !method.flags().has(AccessFlag.ABSTRACT)) {
        return Optional.of(method);
      }
    }
    if (name.equals("<clinit>") || name.equals("<init>")) {
      return Optional.empty();
    }
    List<String> parents = new ArrayList<>();
    model.get().superclass().ifPresent(parent -> parents.add(parent.asInternalName()));
    model.get().interfaces().forEach(parent -> parents.add(parent.asInternalName()));
    for (String parent : parents) {
      if (parent.startsWith(OUR_CODE)) {
        Optional<MethodModel> inherited = resolve(parent, name, descriptor);
        if (inherited.isPresent()) {
          return inherited;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<ClassModel> classModel(String internalName) {
    return classes.computeIfAbsent(internalName, this::read);
  }

  private Optional<ClassModel> read(String internalName) {
    String resource = internalName + ".class";
    ClassLoader loader = exercise.getClass().getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(ClassFile.of().parse(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static String internalName(ClassDesc type) {
    String descriptor = type.descriptorString();
    return descriptor.substring(1, descriptor.length() - 1);
  }

  /**
   * {@code RaftElection.grantsVote}, {@code Shortcut.<clinit>} as {@code Shortcut (its constants)}.
   */
  private static String label(String owner, String name) {
    String simple = simpleName(owner);
    return switch (name) {
      case "<clinit>" -> simple + " (its static fields)";
      case "<init>" -> "new " + simple;
      default -> simple + "." + name;
    };
  }

  private static String simpleName(String owner) {
    return owner.substring(owner.lastIndexOf('/') + 1).replace('$', '.');
  }

  private String explain(String chain) {
    return "refused without running: "
        + chain
        + " of what exercise "
        + exercise.id()
        + " asks you to write; code that reaches the simulator's own answer (directly, through a"
        + " class that wraps it, or through reflection) earns no points. Write the rule yourself.";
  }
}
