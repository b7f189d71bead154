package faultline.engine.trace;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;

/**
 * The canonical walk of one record class's components, as a class made for it on first use: each
 * component read by a direct call of its accessor and written by the encoder call its type needs.
 * The walk through {@link CanonicalValues.Shape}'s method handles, which the compiler cannot inline
 * (they come out of a table, not a constant), was most of a message's payload walk. The bytes are
 * exactly those {@link CanonicalValues#writeComponents} writes: the same names in the same order, a
 * {@code long}, {@code int} or {@code boolean} written as such, a string as a string or null, every
 * other value through {@link CanonicalValues#write}.
 *
 * <p>Only for a record class that code in this package may name (public, and public every class
 * around it) and that this package's class loader finds under its name, with components of those
 * types or of reference types; any other record keeps the method handles.
 */
final class RecordWriters {
  /** Writes a record's members (not the braces around them) to the canonical encoding. */
  interface RecordWriter {
    void writeComponents(CanonicalEncoder out, Object record);
  }

  private static final ClassDesc ENCODER = ClassDesc.of(CanonicalEncoder.class.getName());
  private static final ClassDesc VALUES = ClassDesc.of(CanonicalValues.class.getName());
  private static final ClassDesc WRITER = ClassDesc.of(RecordWriter.class.getName());
  private static final MethodTypeDesc WRITE_COMPONENTS =
      MethodTypeDesc.of(CD_void, ENCODER, CD_Object);

  private RecordWriters() {}

  /**
   * A writer made for {@code type}, whose components are {@code shape}'s; null when none can be.
   */
  static RecordWriter generated(Class<?> type, CanonicalValues.Shape shape) {
    RecordComponent[] components = type.getRecordComponents();
    if (!isNameable(type) || components.length != shape.names().length) {
      return null;
    }
    for (RecordComponent component : components) {
      Class<?> componentType = component.getType();
      if (componentType.isPrimitive()
          ? !(componentType == long.class
              || componentType == int.class
              || componentType == boolean.class)
          : !isNameable(componentType)) {
        return null;
      }
    }
    try {
      byte[] bytes = classFile(type, components, shape.names());
      MethodHandles.Lookup made = MethodHandles.lookup().defineHiddenClass(bytes, true);
      MethodHandle constructor =
          made.findConstructor(made.lookupClass(), MethodType.methodType(void.class));
      return (RecordWriter) constructor.invoke();
    } catch (Throwable e) {
      return null; // The method handles still know how.
    }
  }

  /** Public, as is every class around it, and the same class under its name for this loader. */
  private static boolean isNameable(Class<?> type) {
    if (type.isArray() || type.isHidden()) {
      return false;
    }
    for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    try {
      return Class.forName(type.getName(), false, RecordWriters.class.getClassLoader()) == type;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static byte[] classFile(Class<?> type, RecordComponent[] components, String[] names) {
    ClassDesc record = ClassDesc.of(type.getName());
    return ClassFile.of()
        .build(
            ClassDesc.of(RecordWriters.class.getPackageName(), "GeneratedRecordWriter"),
            file -> {
              file.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC);
              file.withInterfaceSymbols(WRITER);
              file.withMethodBody(
                  ConstantDescs.INIT_NAME,
                  ConstantDescs.MTD_void,
                  ClassFile.ACC_PUBLIC,
                  code ->
                      code.aload(0)
                          .invokespecial(CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void)
                          .return_());
              file.withMethodBody(
                  "writeComponents",
                  WRITE_COMPONENTS,
                  ClassFile.ACC_PUBLIC,
                  code -> {
                    code.aload(2).checkcast(record).astore(3);
                    for (int i = 0; i < components.length; i++) {
                      writeComponent(code, record, components[i], names[i]);
                    }
                    code.return_();
                  });
            });
  }

  /**
   * {@code out.name(name)}, then the component's value by its type; slot 1 is out, 3 the record.
   */
  private static void writeComponent(
      CodeBuilder code, ClassDesc record, RecordComponent component, String name) {
    code.aload(1)
        .ldc(name)
        .invokevirtual(ENCODER, "name", MethodTypeDesc.of(CD_int, CD_String))
        .pop();
    Class<?> type = component.getType();
    ClassDesc typeDesc = type.isPrimitive() ? primitive(type) : ClassDesc.of(type.getName());
    code.aload(1)
        .aload(3)
        .invokevirtual(record, component.getAccessor().getName(), MethodTypeDesc.of(typeDesc));
    if (type == long.class) {
      code.invokevirtual(ENCODER, "integer", MethodTypeDesc.of(CD_void, CD_long));
    } else if (type == int.class) {
      code.i2l().invokevirtual(ENCODER, "integer", MethodTypeDesc.of(CD_void, CD_long));
    } else if (type == boolean.class) {
      code.invokevirtual(ENCODER, "bool", MethodTypeDesc.of(CD_void, CD_boolean));
    } else if (type == String.class) {
      code.invokestatic(VALUES, "writeString", MethodTypeDesc.of(CD_void, ENCODER, CD_String));
    } else {
      code.invokestatic(VALUES, "write", MethodTypeDesc.of(CD_void, ENCODER, CD_Object));
    }
  }

  private static ClassDesc primitive(Class<?> type) {
    return type == long.class ? CD_long : type == int.class ? CD_int : CD_boolean;
  }
}
