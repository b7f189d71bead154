package faultline.exercises;

import faultline.scenarios.bind.ProtocolBinding;
import faultline.scenarios.bind.ProtocolBindingContractTest;
import faultline.scenarios.bind.Protocols;
import java.util.List;

/**
 * The exercises' protocol bindings meet the contract every binding meets: the same test as the
 * built-in ones, run on the bindings this module registers, with the core witnesses and this
 * module's ({@code src/test/resources/witnesses/}) in view.
 */
class ExerciseBindingsContractTest extends ProtocolBindingContractTest {
  @Override
  protected List<ProtocolBinding> bindings() {
    return Protocols.all().stream()
        .filter(binding -> binding.getClass().getPackageName().startsWith("faultline.exercises"))
        .toList();
  }
}
