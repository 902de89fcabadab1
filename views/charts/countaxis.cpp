#include "views/charts/countaxis.h"

#include <algorithm>
#include <cmath>

namespace PushDeck {

std::pair<double, int> countAxis(double highest)
{
    const double target = std::max(5.0, highest) / 5.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(target)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        step = m * magnitude;
        if (step >= target)
            break;
    }
    step = std::max(1.0, step);
    const double top = std::max(1.0, std::ceil(std::max(1.0, highest) / step)) * step;
    return {top, int(std::lround(top / step)) + 1};
}

} // namespace PushDeck
