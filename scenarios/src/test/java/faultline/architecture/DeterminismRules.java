package faultline.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import faultline.engine.node.TimerTag;
import java.lang.invoke.VarHandle;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.IntPredicate;

/**
 * The determinism rules, each a function of the classes it applies to ({@code code}), so that
 * {@link ArchitectureTest} applies them to the engine and the protocols, the exercises' own test to
 * every exercise package, and {@code PlantedViolationsTest} to small classes that break each one on
 * purpose (a rule that cannot fail proves nothing). Together they forbid every way a run could
 * depend on something other than its scenario and seed.
 */
public final class DeterminismRules {
  private DeterminismRules() {}

  /**
   * The functions of {@link Math} whose results the JDK lets differ from platform to platform (an
   * intrinsic may be off by an ulp from {@link StrictMath}, which is specified bit for bit). {@code
   * sqrt} is not here: IEEE 754 fixes it, correctly rounded, everywhere.
   */
  private static final Set<String> PLATFORM_MATH =
      Set.of(
          "exp", "expm1", "log", "log10", "log1p", "pow", "sin", "cos", "tan", "asin", "acos",
          "atan", "atan2", "sinh", "cosh", "tanh", "hypot", "cbrt");

  /** JDK collections whose iteration order follows hash codes (an enum's changes every run). */
  private static final Set<String> HASH_ORDERED =
      Set.of(
          "java.util.HashMap",
          "java.util.HashSet",
          "java.util.Hashtable",
          "java.util.IdentityHashMap",
          "java.util.WeakHashMap",
          "java.util.concurrent.ConcurrentHashMap");

  /**
   * Factories that return a hash-ordered collection, and for how many parameters (a varargs array
   * counts as many): {@code Set.of} of two elements or more (its order is salted per JVM), {@code
   * Map.of} of two entries or more, and the collectors that build a {@code HashSet} or {@code
   * HashMap} when not given a map to fill.
   */
  private static final Map<String, IntPredicate> HASH_ORDERED_FACTORIES =
      Map.ofEntries(
          Map.entry("java.util.Set.of", parameters -> parameters >= 2),
          Map.entry("java.util.Set.copyOf", parameters -> true),
          Map.entry("java.util.Map.of", parameters -> parameters >= 4),
          Map.entry("java.util.Map.ofEntries", parameters -> true),
          Map.entry("java.util.Map.copyOf", parameters -> true),
          Map.entry("java.util.HashMap.newHashMap", parameters -> true),
          Map.entry("java.util.HashSet.newHashSet", parameters -> true),
          Map.entry("java.util.stream.Collectors.toSet", parameters -> true),
          Map.entry("java.util.stream.Collectors.toUnmodifiableSet", parameters -> true),
          Map.entry("java.util.stream.Collectors.toMap", parameters -> parameters <= 3),
          Map.entry("java.util.stream.Collectors.toUnmodifiableMap", parameters -> true),
          Map.entry("java.util.stream.Collectors.toConcurrentMap", parameters -> true),
          Map.entry("java.util.stream.Collectors.groupingBy", parameters -> parameters <= 2),
          Map.entry("java.util.stream.Collectors.groupingByConcurrent", parameters -> true));

  /** No real clock in {@code code}: time in a run is virtual. */
  public static ArchRule noRealClocks(DescribedPredicate<? super JavaClass> code) {
    return noClasses()
        .that(code)
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethodWhere(javaTimeNow())
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(Clock.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(InstantSource.class)
        .because(
            "time in a run is virtual (a long of nanoseconds on the event queue) and each node"
                + " reads its own simulated clocks through NodeContext; a real clock makes the"
                + " trace depend on when and where the run happened");
  }

  /** No sleep, thread, executor, lock or atomic access in {@code code}. */
  public static ArchRule noWaitingNorThreads(DescribedPredicate<? super JavaClass> code) {
    return noClasses()
        .that(code)
        .should()
        .callMethod(Thread.class, "sleep", long.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(Thread.class)
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("java.util.concurrent..")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(VarHandle.class)
        .because(
            "a run is single-threaded and handlers never block: the event queue alone decides"
                + " what happens next, so a sleep, a thread, an executor or a lock would make the"
                + " order of events depend on the operating system's scheduler; and an atomic"
                + " access (an atomic class, a VarHandle) only serves state shared between runs,"
                + " which a run must not have");
  }

  /** No random draw in {@code code} that does not come from the run's seed. */
  public static ArchRule noUnseededRandomness(DescribedPredicate<? super JavaClass> code) {
    return noClasses()
        .that(code)
        .should()
        .dependOnClassesThat()
        .areAssignableTo(Random.class) // Also SecureRandom and ThreadLocalRandom.
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(SecureRandom.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(SplittableRandom.class)
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("java.util.random..")
        .orShould()
        .callMethod(Math.class, "random")
        .orShould()
        .callMethod(StrictMath.class, "random")
        .orShould()
        .callMethod(UUID.class, "randomUUID")
        .orShould()
        .callMethod(Collections.class, "shuffle", List.class)
        .because(
            "every random draw must come from the run's seed through SimRandom streams"
                + " (NodeContext.random() for nodes), whose output our golden tests freeze; the"
                + " JDK's generators are unseeded, or seeded from the clock, or free to change"
                + " their algorithm in a later JDK");
  }

  /** No file, socket or console in {@code code}. */
  public static ArchRule noFilesSocketsOrConsole(DescribedPredicate<? super JavaClass> code) {
    return noClasses()
        .that(code)
        .should()
        .dependOnClassesThat()
        .haveNameMatching("java\\.io\\.(File|RandomAccessFile).*")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("java.nio.file..")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("java.net..")
        .orShould()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .orShould()
        .accessField(System.class, "in")
        .because(
            "nodes are sans-I/O state machines: everything they do goes through NodeContext"
                + " (messages, timers, DurableStorage, trace records), and the engine writes its"
                + " trace through a TraceSink; real I/O would escape the simulation and the trace");
  }

  /** Nothing in {@code code} reads what differs between machines and runs. */
  public static ArchRule nothingThatDiffersBetweenMachines(
      DescribedPredicate<? super JavaClass> code) {
    return noClasses()
        .that(code)
        .should()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .orShould()
        .callMethod(System.class, "getProperty", String.class)
        .orShould()
        .callMethod(System.class, "getProperty", String.class, String.class)
        .orShould()
        .callMethod(System.class, "identityHashCode", Object.class)
        .because(
            "the environment, system properties and identity hash codes differ between"
                + " machines and runs, so behaviour that reads them cannot be replayed from a"
                + " seed");
  }

  /** Any {@code now(...)} of {@code java.time}: Instant, LocalDateTime, ZonedDateTime, .... */
  private static DescribedPredicate<JavaCall<?>> javaTimeNow() {
    return describe(
        "a now() of java.time",
        call ->
            call.getName().equals("now")
                && resideInAPackage("java.time..").test(call.getTargetOwner()));
  }

  /** Only {@link StrictMath} for transcendental functions in {@code code}. */
  public static ArchRule onlyStrictMath(DescribedPredicate<? super JavaClass> code) {
    return noClasses()
        .that(code)
        .should()
        .callMethodWhere(
            describe(
                "a Math function that may differ by platform " + PLATFORM_MATH,
                (JavaMethodCall call) ->
                    call.getTargetOwner().isEquivalentTo(Math.class)
                        && PLATFORM_MATH.contains(call.getName())))
        .because(
            "Math.sin, log, pow and their kin may use CPU intrinsics that differ by an ulp from"
                + " machine to machine, and one ulp in a latency or a backoff moves every event"
                + " after it; StrictMath gives the same bits everywhere");
  }

  /**
   * No JDK hash-ordered collection is built in {@code code}: lookups use {@code LookupMap} and
   * {@code LookupSet} (which cannot be iterated), and whatever is iterated is a {@code TreeMap},
   * {@code LinkedHashMap}, {@code EnumMap}, a list, or their sets.
   */
  public static ArchRule noHashOrderedCollections(DescribedPredicate<? super JavaClass> code) {
    return noClasses()
        .that(code)
        .and()
        .resideOutsideOfPackage("faultline.engine.lookup..")
        .should()
        .callConstructorWhere(
            describe(
                "a constructor of a hash-ordered collection " + HASH_ORDERED,
                (JavaConstructorCall call) ->
                    HASH_ORDERED.contains(call.getTargetOwner().getName())))
        .orShould()
        .callMethodWhere(
            describe(
                "a factory of a hash-ordered collection", DeterminismRules::hashOrderedFactory))
        .because(
            "a hash order follows hash codes, and an enum's or an object's identity hash code"
                + " changes from run to run (Set.of and Map.of even salt theirs per JVM): iterated,"
                + " it reorders notes, messages and decisions, and the same seed no longer gives"
                + " the same trace. LookupMap and LookupSet hash without any way to iterate");
  }

  private static boolean hashOrderedFactory(JavaMethodCall call) {
    IntPredicate makesOne =
        HASH_ORDERED_FACTORIES.get(call.getTargetOwner().getName() + "." + call.getName());
    if (makesOne == null) {
      return false;
    }
    List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
    boolean varargs = parameters.size() == 1 && parameters.getFirst().isArray();
    return makesOne.test(varargs ? Integer.MAX_VALUE : parameters.size());
  }

  /**
   * Every timer tag in {@code code} has a text that is the same on every run: the trace names a
   * timer by its enum constant, or else by its {@code toString}, and {@code Object.toString} prints
   * an identity hash code.
   */
  public static ArchRule timerTagsHaveAStableText(DescribedPredicate<? super JavaClass> code) {
    return classes()
        .that(code)
        .and()
        .areAssignableTo(TimerTag.class)
        .and()
        .areNotInterfaces()
        .and()
        .doNotHaveModifier(JavaModifier.ABSTRACT)
        .should(haveAStableText())
        .because(
            "the trace names a timer by its enum constant or its toString; a class that keeps"
                + " Object.toString (or a record with such a component) writes an identity hash"
                + " code, different on every run, into every timer event");
  }

  private static ArchCondition<JavaClass> haveAStableText() {
    return new ArchCondition<>("be an enum, a record of stable parts, or declare toString") {
      @Override
      public void check(JavaClass tag, ConditionEvents events) {
        List<String> why = new ArrayList<>();
        unstableParts(tag, tag.getName(), why, 0);
        events.add(
            new SimpleConditionEvent(
                tag,
                why.isEmpty(),
                tag.getName()
                    + (why.isEmpty() ? " has a stable text" : " has no stable text: " + why)));
      }
    };
  }

  /** Adds to {@code why} each part of {@code type}'s text that may change between runs. */
  private static void unstableParts(JavaClass type, String path, List<String> why, int depth) {
    if (type.isPrimitive() || type.isEnum() || STABLE_JDK_TYPES.contains(type.getName())) {
      return;
    }
    if (type.isArray()) {
      why.add(path + " is an array, whose text is an identity hash code");
      return;
    }
    if (type.isRecord() && depth < 8) {
      for (JavaField field : type.getFields()) {
        if (!field.getModifiers().contains(JavaModifier.STATIC)) {
          unstableParts(field.getRawType(), path + "." + field.getName(), why, depth + 1);
        }
      }
      return;
    }
    if (!declaresToString(type)) {
      why.add(path + " (" + type.getSimpleName() + ") keeps Object.toString");
    }
  }

  private static final Set<String> STABLE_JDK_TYPES =
      Set.of(
          "java.lang.String",
          "java.lang.Long",
          "java.lang.Integer",
          "java.lang.Short",
          "java.lang.Byte",
          "java.lang.Character",
          "java.lang.Boolean",
          "java.lang.Double",
          "java.lang.Float");

  private static boolean declaresToString(JavaClass type) {
    if (type.isInterface()) {
      return false; // What implements it is unknown here.
    }
    for (JavaClass owner = type;
        owner != null && !owner.isEquivalentTo(Object.class);
        owner = owner.getRawSuperclass().orElse(null)) {
      if (owner.tryGetMethod("toString").isPresent()) {
        return true;
      }
    }
    return false;
  }
}
