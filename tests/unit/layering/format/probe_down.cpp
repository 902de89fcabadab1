// Layering probe (ctest layering_probe_down): a source in the place of the
// format layer, built like it (linked to pushdeck_core only), includes the
// layer below. This must compile.

#include "core/groupingkey.h"

namespace PushDeck {

bool layeringProbeDown()
{
    return GroupingKey().toString().isEmpty();
}

} // namespace PushDeck
