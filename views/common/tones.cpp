#include "views/common/tones.h"

#include <algorithm>

namespace PushDeck::Tones {

namespace {

// Hues (degrees) for meanings; nothing else about a colour is fixed.
constexpr int ErrorHue = 356;
constexpr int WarningHue = 40;
constexpr int PositiveHue = 135;
constexpr int FreshHue = 140;
// Stale is violet, not a darker orange: tinted rows of stale and failed
// groups must be told apart at a glance (an orange tint next to a red one
// was not), and the clock shape of its icon says "old" anyway.
constexpr int StaleHue = 280;

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QColor mix(const QColor &a, const QColor &b, double amount)
{
    const double t = std::clamp(amount, 0.0, 1.0);
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    return QColor::fromRgbF(float(x.redF() + (y.redF() - x.redF()) * t), float(x.greenF() + (y.greenF() - x.greenF()) * t),
                            float(x.blueF() + (y.blueF() - x.blueF()) * t), 1.0f);
}

QColor strong(int hue, const QPalette &palette, double saturation)
{
    // Dark bases get light marks and light bases dark ones: about half way
    // between the base and the text colour keeps contrast to both (marks sit
    // on Base and on Window, and tinted rows carry Text over them).
    const double base = palette.color(QPalette::Base).lightnessF();
    const double lightness = isDark(palette) ? std::clamp(base + 0.5, 0.58, 0.72) : std::clamp(base - 0.55, 0.36, 0.46);
    return QColor::fromHslF(float(((hue % 360) + 360) % 360) / 360.0f, float(saturation), float(lightness));
}

QColor tint(int hue, const QPalette &palette, double amount)
{
    const QColor base = palette.color(QPalette::Base);
    // Dark bases need a little more of the hue to show at all.
    return mix(base, strong(hue, palette, 0.75), isDark(palette) ? amount * 1.35 : amount);
}

QColor error(const QPalette &palette)
{
    return strong(ErrorHue, palette, 0.75);
}

QColor errorBackground(const QPalette &palette)
{
    return tint(ErrorHue, palette, 0.18);
}

QColor warningBackground(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    return mix(window, strong(WarningHue, palette, 0.9), isDark(palette) ? 0.32 : 0.28);
}

QColor positive(const QPalette &palette)
{
    return strong(PositiveHue, palette, 0.6);
}

QColor information(const QPalette &palette)
{
    return palette.color(QPalette::Link);
}

QColor gridLine(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.14);
}

QColor state(Staleness s, const QPalette &palette)
{
    switch (s) {
    case Staleness::Fresh: return strong(FreshHue, palette, 0.55);
    case Staleness::Warning: {
        // Amber needs more lightness than other hues to read as amber.
        QColor c = strong(WarningHue, palette, 0.85);
        return QColor::fromHslF(c.hslHueF(), c.hslSaturationF(), std::max(0.5f, c.lightnessF()));
    }
    case Staleness::Stale: return strong(StaleHue, palette, 0.45);
    case Staleness::Failed: return strong(ErrorHue, palette, 0.75);
    case Staleness::Unknown: return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.5);
    }
    return {};
}

QColor stateTint(Staleness s, const QPalette &palette)
{
    switch (s) {
    case Staleness::Fresh:
    case Staleness::Unknown: return {};
    case Staleness::Warning: return tint(WarningHue, palette, 0.24);
    case Staleness::Stale: return tint(StaleHue, palette, 0.2);
    case Staleness::Failed: return tint(ErrorHue, palette, 0.2);
    }
    return {};
}

QPalette errorTextPalette(QPalette palette)
{
    const QColor c = error(palette);
    palette.setColor(QPalette::WindowText, c);
    palette.setColor(QPalette::Text, c);
    return palette;
}

} // namespace PushDeck::Tones
