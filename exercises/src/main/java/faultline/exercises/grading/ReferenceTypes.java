package faultline.exercises.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What of the simulator one exercise's student code must not reach, by internal name: the
 * exercise's {@link ReferenceCode}, and the <em>protocols</em> it implies. A protocol is an
 * interface whose implementation in the simulator is the answer: one that declares a reference
 * member ({@code ElectionRules#paper}), one a reference class implements, or one of the protocols
 * module that a student class implements ({@code ReadRule}). A value of a protocol's type, or of a
 * reference class, that the simulator hands over (a method's result, a field, a cast) may be the
 * reference itself, whatever calls it next, so the guard refuses where it comes from.
 */
final class ReferenceTypes {
  private static final String PROTOCOLS_MODULE = "faultline/protocols/";
  private static final String KERNEL = "faultline/engine/";

  private final ReferenceCode code;
  private final Bytecode bytecode;
  private final Set<String> protocols = new TreeSet<>();

  ReferenceTypes(ReferenceCode code, Bytecode bytecode, List<String> studentClasses) {
    this.code = code;
    this.bytecode = bytecode;
    for (String member : code.members()) {
      String owner = internal(member.substring(0, member.indexOf('#')));
      if (bytecode.isInterface(owner)) {
        protocols.add(owner);
      }
    }
    for (String reference : code.classes()) {
      for (String parent : bytecode.supertypes(internal(reference))) {
        if (parent.startsWith(Bytecode.OUR_CODE) && bytecode.isInterface(parent)) {
          protocols.add(parent);
        }
      }
    }
    for (String student : studentClasses) {
      for (String parent : bytecode.supertypes(student)) {
        if (parent.startsWith(PROTOCOLS_MODULE) && bytecode.isInterface(parent)) {
          protocols.add(parent);
        }
      }
    }
  }

  /** The reference class {@code internalName} is (or is nested in, or is an array of), if any. */
  Optional<String> referenceClass(String internalName) {
    String dotted = elementType(internalName).replace('/', '.');
    for (String reference : code.classes()) {
      if (dotted.equals(reference) || dotted.startsWith(reference + "$")) {
        return Optional.of(reference);
      }
    }
    return Optional.empty();
  }

  boolean isReferenceMember(String owner, String name) {
    return code.members().contains(owner.replace('/', '.') + "#" + name);
  }

  /** Whether a value of {@code internalName}'s type from the simulator may be the reference. */
  boolean isProtocolOrReference(String internalName) {
    return protocols.contains(elementType(internalName))
        || referenceClass(internalName).isPresent();
  }

  /**
   * Why the student's code may call through {@code owner}, an interface of the simulator whose
   * implementations the guard does not follow; empty when it may not.
   */
  Optional<String> allowedInterface(String owner) {
    if (owner.startsWith(KERNEL)) {
      return Optional.of("the kernel's");
    }
    return Optional.ofNullable(code.allowed().get(owner.replace('/', '.')));
  }

  boolean isProtocol(String internalName) {
    return protocols.contains(internalName);
  }

  /**
   * The reference a value of {@code internalName}'s type may be: {@code ReadRule.PAPER}, {@code
   * ElectionRules.paper or PaperElectionRules}.
   */
  String describe(String internalName) {
    Optional<String> referenceClass = referenceClass(internalName);
    if (referenceClass.isPresent()) {
      return referenceClass.get() + ", the reference implementation";
    }
    String dotted = elementType(internalName).replace('/', '.');
    List<String> names = new ArrayList<>();
    for (String member : code.members()) {
      if (member.startsWith(dotted + "#")) {
        names.add(member.replace('#', '.'));
      }
    }
    for (String reference : code.classes()) {
      if (bytecode.supertypes(internal(reference)).contains(elementType(internalName))) {
        names.add(reference);
      }
    }
    return names.isEmpty()
        ? "the simulator's own " + dotted
        : String.join(" or ", names) + ", the reference implementation";
  }

  private static String internal(String dotted) {
    return dotted.replace('.', '/');
  }

  /** {@code [Lfaultline/x/Y;} and {@code faultline/x/Y} as {@code faultline/x/Y}. */
  private static String elementType(String internalName) {
    return internalName.replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
  }
}
