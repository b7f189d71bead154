package faultline.exercises.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.reflect.AccessFlag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The class files the reference guard reads, by internal name ({@code faultline/protocols/raft/
 * ReadRule}), from the class loader that loaded the exercise (so a handout's or a submission's
 * classes, not this build's): their models, which method a call runs, and what a class extends.
 */
final class Bytecode {
  static final String OUR_CODE = "faultline/";

  private final ClassLoader loader;
  private final Map<String, Optional<ClassModel>> classes = new TreeMap<>();
  private final Map<String, Set<String>> supertypes = new TreeMap<>();

  Bytecode(ClassLoader loader) {
    this.loader = loader;
  }

  /** A method as a call finds it: the class that declares the body, and the body. */
  record Resolved(String owner, MethodModel method) {}

  Optional<ClassModel> model(String internalName) {
    return classes.computeIfAbsent(internalName, this::read);
  }

  boolean isInterface(String internalName) {
    return model(internalName).map(model -> model.flags().has(AccessFlag.INTERFACE)).orElse(false);
  }

  /**
   * The body a call of {@code name} on {@code owner} runs when the receiver's class is {@code
   * owner}: its own, else the nearest superclass's or interface's (a default method), among our
   * classes.
   */
  Optional<Resolved> resolve(String owner, String name, String descriptor) {
    Optional<ClassModel> model = model(owner);
    if (model.isEmpty()) {
      return Optional.empty();
    }
    for (MethodModel method : model.get().methods()) {
      if (method.methodName().equalsString(name)
          && method.methodType().equalsString(descriptor)
          && !method.flags().has(AccessFlag.ABSTRACT)) {
        return Optional.of(new Resolved(owner, method));
      }
    }
    if (name.equals("<clinit>") || name.equals("<init>")) {
      return Optional.empty();
    }
    for (String parent : parents(model.get())) {
      if (parent.startsWith(OUR_CODE)) {
        Optional<Resolved> inherited = resolve(parent, name, descriptor);
        if (inherited.isPresent()) {
          return inherited;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The methods a student class runs, {@code name(descriptor)}: its own, and those it inherits from
   * our classes (a default method of an interface it implements), whose bodies are not its own.
   */
  Map<String, String> runnableMethods(ClassModel model) {
    Map<String, String> methods = new TreeMap<>();
    for (MethodModel method : model.methods()) {
      methods.put(method.methodName().stringValue() + method.methodType().stringValue(), "");
    }
    for (String parent : supertypes(model.thisClass().asInternalName())) {
      if (!parent.startsWith(OUR_CODE)) {
        continue;
      }
      for (MethodModel method : model(parent).map(ClassModel::methods).orElse(List.of())) {
        String name = method.methodName().stringValue();
        boolean instance =
            !method.flags().has(AccessFlag.STATIC)
                && !method.flags().has(AccessFlag.PRIVATE)
                && !method.flags().has(AccessFlag.ABSTRACT);
        if (instance && !name.startsWith("<")) {
          methods.putIfAbsent(name + method.methodType().stringValue(), parent);
        }
      }
    }
    return methods;
  }

  /**
   * Every class and interface {@code internalName} extends or implements, itself excluded (those of
   * the JDK's classes are not read).
   */
  Set<String> supertypes(String internalName) {
    Set<String> known = supertypes.get(internalName);
    if (known != null) {
      return known;
    }
    Set<String> all = new TreeSet<>();
    model(internalName)
        .ifPresent(
            model -> {
              for (String parent : parents(model)) {
                all.add(parent);
                if (parent.startsWith(OUR_CODE)) {
                  all.addAll(supertypes(parent));
                }
              }
            });
    supertypes.put(internalName, all);
    return all;
  }

  /**
   * The classes under {@code prefix} that {@code roots} name, and those they name, and so on: every
   * class of the student's package their code can create or call without reflection.
   */
  Set<String> namedFrom(List<String> roots, String prefix) {
    Set<String> found = new TreeSet<>(roots);
    Deque<String> next = new ArrayDeque<>(roots);
    while (!next.isEmpty()) {
      Optional<ClassModel> model = model(next.pop());
      if (model.isEmpty()) {
        continue;
      }
      for (PoolEntry entry : model.get().constantPool()) {
        if (entry instanceof ClassEntry type) {
          String name = type.asInternalName();
          if (name.startsWith(prefix) && found.add(name)) {
            next.push(name);
          }
        }
      }
    }
    return found;
  }

  private static List<String> parents(ClassModel model) {
    List<String> parents = new ArrayList<>();
    model.superclass().ifPresent(parent -> parents.add(parent.asInternalName()));
    model.interfaces().forEach(parent -> parents.add(parent.asInternalName()));
    return parents;
  }

  private Optional<ClassModel> read(String internalName) {
    String resource = internalName + ".class";
    try (InputStream in = loader.getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(ClassFile.of().parse(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
