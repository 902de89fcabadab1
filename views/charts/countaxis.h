#pragma once
// The count axis the chart docks share: from 0, whole round steps.

#include <utility>

namespace PushDeck {

// An axis from 0 for counts: whole, round steps (1, 2 or 5 × 10^n), about
// five of them, the top just above `highest`. Returns the top and the number
// of ticks.
std::pair<double, int> countAxis(double highest);

} // namespace PushDeck
