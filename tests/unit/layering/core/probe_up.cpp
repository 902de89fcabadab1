// Layering probe (ctest layering_probe_up): a source in the place of the core
// layer, built like it (linked to pushdeck_core only), includes a header of
// a higher layer. The build must refuse it: the compiler cannot find
// "operations/snapshot.h", because no include directory of a higher layer is
// on a lower layer's compile line.

#include "operations/snapshot.h"

namespace PushDeck {

bool layeringProbeUp()
{
    return true;
}

} // namespace PushDeck
