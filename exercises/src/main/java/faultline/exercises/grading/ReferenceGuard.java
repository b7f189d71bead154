package faultline.exercises.grading;

import faultline.exercises.Exercise;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Opcode;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Refuses student code that reaches the simulator's own answer instead of writing it, before any
 * check runs, method by method. From every method of the exercise's {@linkplain
 * Exercise#studentClasses student classes} (those they inherit included) it follows, in the
 * bytecode, every call, field access, object creation and method reference (lambdas included) into
 * the student's other classes and into the simulator's own classes (everything under {@code
 * faultline}, the static initializer of a class whose static members are used included), and
 * refuses a method that reaches:
 *
 * <ul>
 *   <li>a class of {@link Exercise#referenceCode()} or one nested in it, or a method inherited from
 *       one;
 *   <li>a member it declares ({@code ElectionRules#paper}), called, read, or taken as a method
 *       reference;
 *   <li>a value of a <em>protocol</em> or of a reference class that the simulator hands over (a
 *       method's result, a field, a cast in the student's code): a configuration's rule ({@code
 *       RaftConfig#readRule}) whose default is the reference, a simulator object that holds one
 *       (see {@link ReferenceTypes});
 *   <li>in the student's code, a call through an interface of the simulator that is neither the
 *       kernel's nor {@linkplain ReferenceCode#allowing allowed} by the exercise: the guard does
 *       not follow such a call into the simulator's implementations;
 *   <li>reflection: {@code java.lang.reflect}, method and var handles, {@code Class.forName} and
 *       the {@code Class} methods that look members up by name, and class loaders. (Lambdas, string
 *       concatenation and records compile to method handles too; those come from the compiler's
 *       bootstrap methods, which are not refused.)
 * </ul>
 *
 * <p>A call through an interface or an overridable method is followed into the body the call names
 * (a default method) and into every implementation among the student's classes (those their code
 * names, transitively), so a helper class of the student's that implements the protocol and
 * delegates is found wherever it is called from. What is not followed: the simulator's own
 * implementations of an interface (allowed ones, or those the simulator's code calls), and code the
 * JDK runs on the student's behalf outside a method reference.
 */
public final class ReferenceGuard {
  private final Exercise exercise;
  private final String studentPackage;
  private final Bytecode bytecode;
  private final List<String> roots;
  private final Set<String> studentClasses;
  private final ReferenceTypes reference;
  private final Map<String, Optional<String>> reached = new TreeMap<>();
  private final Set<String> inProgress = new TreeSet<>();

  private ReferenceGuard(Exercise exercise) {
    this.exercise = exercise;
    this.studentPackage = exercise.folder() + "/";
    this.bytecode = new Bytecode(exercise.getClass().getClassLoader());
    this.roots =
        exercise.studentClasses().stream().map(root -> root.getName().replace('.', '/')).toList();
    this.studentClasses = bytecode.namedFrom(roots, studentPackage);
    this.reference = new ReferenceTypes(exercise.referenceCode(), bytecode, roots);
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
    Set<String> inherited = new TreeSet<>();
    for (String owner : roots) {
      ClassModel model = bytecode.model(owner).orElseThrow();
      for (Map.Entry<String, String> method : bytecode.runnableMethods(model).entrySet()) {
        String name = method.getKey().substring(0, method.getKey().indexOf('('));
        Optional<String> why = reach(owner, name, method.getKey().substring(name.length()));
        String key = simpleName(owner) + "." + name;
        if (why.isEmpty() || refused.containsKey(key)) {
          continue;
        }
        String chain = why.get();
        if (!method.getValue().isEmpty()) {
          inherited.add(key);
          chain =
              key
                  + " (inherited from "
                  + simpleName(method.getValue())
                  + ")"
                  + chain.substring(key.length());
        }
        refused.put(key, explain(chain));
      }
    }
    return new Refusals(new TreeMap<>(refused), inherited);
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
    Optional<String> result =
        bytecode
            .resolve(owner, name, descriptor)
            .flatMap(resolved -> scanBody(owner, name, resolved));
    inProgress.remove(key);
    reached.put(key, result);
    return result;
  }

  private Optional<String> scanBody(String owner, String name, Bytecode.Resolved resolved) {
    Optional<String> inherited = reference.referenceClass(resolved.owner());
    if (inherited.isPresent()) {
      return Optional.of(
          label(owner, name)
              + " inherits it from "
              + inherited.get()
              + ", the reference implementation");
    }
    // Reflection, casts and interfaces are the student's own choices; the simulator's code is free.
    boolean students = resolved.owner().startsWith(studentPackage);
    return resolved.method().code().flatMap(code -> scanCode(label(owner, name), code, students));
  }

  private Optional<String> scanCode(String label, CodeModel code, boolean students) {
    for (CodeElement element : code) {
      Optional<String> found = scanElement(element, students);
      if (found.isPresent()) {
        return Optional.of(label + (found.get().startsWith(" ") ? "" : " -> ") + found.get());
      }
    }
    return Optional.empty();
  }

  /** " uses X" when this instruction itself is refused, or the chain of a call that reaches one. */
  private Optional<String> scanElement(CodeElement element, boolean students) {
    return switch (element) {
      case InvokeInstruction invoke -> invoke(invoke, students);
      case FieldInstruction field -> field(field, students);
      case InvokeDynamicInstruction dynamic -> handles(dynamic, students);
      case NewObjectInstruction created -> classUse(created.className(), true, students);
      case NewReferenceArrayInstruction array -> classUse(array.componentType(), false, students);
      case TypeCheckInstruction check -> cast(check.type(), students);
      case ConstantInstruction.LoadConstantInstruction load
          when load.constantEntry() instanceof ClassEntry type ->
          classUse(type, false, students);
      default -> Optional.empty();
    };
  }

  private Optional<String> invoke(InvokeInstruction invoke, boolean students) {
    String owner = invoke.owner().asInternalName();
    String name = invoke.name().stringValue();
    String descriptor = invoke.type().stringValue();
    Optional<String> found = Optional.empty();
    if (!reference.isReferenceMember(owner, name)) {
      found = handedOver(owner, name, invoke.typeSymbol().returnType());
    }
    if (found.isEmpty()) {
      // A call initializes its owner only when static; an instance's class was initialized when
      // it was created, where the guard followed it.
      boolean statics = invoke.opcode() == Opcode.INVOKESTATIC;
      found = member(owner, name, descriptor, statics, students);
    }
    boolean dispatched =
        invoke.opcode() == Opcode.INVOKEINTERFACE || invoke.opcode() == Opcode.INVOKEVIRTUAL;
    if (found.isEmpty() && dispatched) {
      found = throughInterface(owner, name, students);
      if (found.isEmpty()) {
        found = studentImplementations(owner, name, descriptor);
      }
    }
    return found;
  }

  private Optional<String> field(FieldInstruction field, boolean students) {
    String owner = field.owner().asInternalName();
    String name = field.name().stringValue();
    boolean statics = field.opcode().name().endsWith("STATIC");
    boolean reads = field.opcode() == Opcode.GETFIELD || field.opcode() == Opcode.GETSTATIC;
    if (reads && !reference.isReferenceMember(owner, name)) {
      Optional<String> handed = handedOver(owner, name, field.typeSymbol());
      if (handed.isPresent()) {
        return handed;
      }
    }
    return member(owner, name, null, statics, students);
  }

  /**
   * A call ({@code descriptor} not null) or a field access: refused outright, or followed into the
   * target's body (and the owner's static initializer when {@code initializes}).
   */
  private Optional<String> member(
      String owner, String name, String descriptor, boolean initializes, boolean students) {
    String dotted = owner.replace('/', '.');
    if (reference.isReferenceMember(owner, name)) {
      return Optional.of(" uses " + dotted + "." + name + ", the reference implementation");
    }
    if (students && Reflection.isReflection(owner, name)) {
      return Optional.of(
          " uses " + dotted + "." + name + ": reflection, which the grader cannot follow");
    }
    Optional<String> referenceClass = referenceClass(owner, students);
    if (referenceClass.isPresent()) {
      return referenceClass;
    }
    if (!owner.startsWith(Bytecode.OUR_CODE)) {
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

  /**
   * A value of a protocol or a reference class that the simulator's {@code owner.name} hands over:
   * it may be the reference itself, whatever calls it next.
   */
  private Optional<String> handedOver(String owner, String name, ClassDesc type) {
    if (owner.startsWith(studentPackage)
        || reference.referenceClass(owner).isPresent() // Refused as such, which says it better.
        || !type.isClassOrInterface() && !type.isArray()) {
      return Optional.empty();
    }
    String typeName = internalName(type);
    if (!reference.isProtocolOrReference(typeName)) {
      return Optional.empty();
    }
    return Optional.of(
        " takes a "
            + simpleName(typeName)
            + " from the simulator ("
            + simpleName(owner)
            + "."
            + name
            + "), which may be "
            + reference.describe(typeName));
  }

  /** In the student's code, a call through an interface of the simulator not allowed. */
  private Optional<String> throughInterface(String owner, String name, boolean students) {
    if (!students
        || !owner.startsWith(Bytecode.OUR_CODE)
        || owner.startsWith(studentPackage)
        || reference.isProtocol(owner)
        || !bytecode.isInterface(owner)
        || reference.allowedInterface(owner).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        " calls "
            + owner.replace('/', '.')
            + "."
            + name
            + " through an interface, which exercise "
            + exercise.id()
            + " does not declare as allowed: the grader does not follow such a call into the"
            + " simulator's implementations");
  }

  /** Every body of the student's that a call of {@code owner.name} may dispatch to. */
  private Optional<String> studentImplementations(String owner, String name, String descriptor) {
    for (String student : studentClasses) {
      if (!student.equals(owner) && bytecode.supertypes(student).contains(owner)) {
        Optional<String> found = reach(student, name, descriptor);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
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
    if (refused.isPresent() || !initializes || !name.startsWith(Bytecode.OUR_CODE)) {
      return refused;
    }
    return reach(name, "<clinit>", "()V");
  }

  /** A cast or instanceof: in the student's code, to a protocol, it takes the simulator's value. */
  private Optional<String> cast(ClassEntry type, boolean students) {
    String name = type.asInternalName();
    if (students && reference.isProtocol(name)) {
      return Optional.of(
          " casts a value to "
              + simpleName(name)
              + ", which may be "
              + reference.describe(name)
              + ": declare your own class's type instead");
    }
    return classUse(type, false, students);
  }

  private Optional<String> referenceClass(String internalName, boolean students) {
    Optional<String> reference = this.reference.referenceClass(internalName);
    if (reference.isPresent()) {
      return Optional.of(" uses " + reference.get() + ", the reference implementation");
    }
    String element = internalName.replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
    if (students && element.startsWith("java/lang/reflect/")) {
      return Optional.of(
          " uses " + element.replace('/', '.') + ": reflection, which the grader cannot follow");
    }
    return Optional.empty();
  }

  private static String internalName(ClassDesc type) {
    String descriptor = type.descriptorString();
    return descriptor.startsWith("L")
        ? descriptor.substring(1, descriptor.length() - 1)
        : descriptor;
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
    String element = owner.replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
    return element.substring(element.lastIndexOf('/') + 1).replace('$', '.');
  }

  private String explain(String chain) {
    return "refused without running: "
        + chain
        + " of what exercise "
        + exercise.id()
        + " asks you to write; code that reaches the simulator's own answer (directly, through a"
        + " class that wraps it, through a value the simulator hands over, or through reflection)"
        + " earns no points. Write the rule yourself.";
  }
}
