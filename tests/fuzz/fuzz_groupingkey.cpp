// Fuzzes the grouping-key codec: keys built from fuzz labels, fuzz selector
// text and fuzz URL paths. Every key that comes out valid must survive
// toPath/fromPath and toString/parse unchanged, and its path must be one the
// gateway's router reads back exactly: URL-safe characters only, no empty,
// `.` or `..` segment (Go's mux would clean those away).

#include "fuzzcheck.h"
#include "core/groupingkey.h"
#include "core/promql.h"
#include "core/labelmatcher.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>

using namespace PushDeck;

using namespace Qt::StringLiterals;

namespace {

// RFC 3986 unreserved characters, the path separator, and the two that
// `@base64` and the empty value `=` need; all are literal in a path.
bool isUrlSafe(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'-'
        || u == u'.' || u == u'_' || u == u'~' || u == u'/' || u == u'@' || u == u'=' || u == u'%'; // %: percent-encoded UTF-8 names in plain paths
}

QString describe(const GroupingKey &key)
{
    return u"key "_s + show(key.toString()) + u"\npath "_s + show(key.toPath());
}

void checkKey(const GroupingKey &key)
{
    FUZZ_CHECK(key.isValid());
    FUZZ_CHECK(!key.job().isEmpty());
    FUZZ_CHECK(key.labels().first().first == u"job");
    for (const auto &[name, value] : key.labels()) {
        // Any UTF-8 name (Pushgateway 1.11, Prometheus 3), never reserved.
        FUZZ_CHECK_DETAIL(isValidUtf8Name(name) && !name.startsWith(u"__"), describe(key));
        FUZZ_CHECK(key.value(name) == value);
    }

    const QString path = key.toPath();
    FUZZ_CHECK_DETAIL(path.startsWith(u"metrics/job/"_s) || path.startsWith(u"metrics/job@base64/"_s), describe(key));
    for (QChar c : path)
        FUZZ_CHECK_DETAIL(isUrlSafe(c), describe(key));
    const QList<QStringView> segments = QStringView(path).split(u'/');
    FUZZ_CHECK_DETAIL(segments.size() == 1 + 2 * key.size(), describe(key));
    for (QStringView segment : segments)
        FUZZ_CHECK_DETAIL(!segment.isEmpty() && segment != u"." && segment != u"..", describe(key));

    // As the CLI and the GUI get it: bare, absolute, or a whole URL with a
    // route prefix, a query and a fragment. A UTF-8 name ending in @base64
    // has no plain path (the gateway, like fromPath(), decodes %40 before it
    // looks for the suffix); such keys only go out in the U__ form.
    const bool plainAmbiguous = std::any_of(key.labels().begin(), key.labels().end(), [](const LabelPair &p) {
        return !isLegacyLabelName(p.first) && p.first.endsWith(u"@base64"_s);
    });
    for (const QString &url : plainAmbiguous ? QStringList{}
                                             : QStringList{path, u'/' + path, u"http://gw:9091/route/prefix/"_s + path + u"?x=1#frag"_s}) {
        const auto back = GroupingKey::fromPath(url);
        FUZZ_CHECK_DETAIL(back.ok(), describe(key) + u"\nerror "_s + back.errorString());
        FUZZ_CHECK_DETAIL(*back == key, describe(key) + u"\nback "_s + show(back->toString()));
    }

    // The U__ form a UTF-8 gateway reads comes back as the same key.
    const QString escaped = key.toPath(GroupingKey::PathNames::Utf8Escaped);
    const auto unescaped = GroupingKey::fromPath(escaped, GroupingKey::PathNames::Utf8Escaped);
    FUZZ_CHECK_DETAIL(unescaped.ok(), describe(key) + u"\nescaped "_s + show(escaped) + u"\nerror "_s + unescaped.errorString());
    FUZZ_CHECK_DETAIL(*unescaped == key, describe(key) + u"\nescaped "_s + show(escaped));
    FUZZ_CHECK_DETAIL(escaped == path || key.pathDependsOnNameEscaping(), describe(key) + u"\nescaped "_s + show(escaped));

    const auto parsed = GroupingKey::parse(key.toString());
    FUZZ_CHECK_DETAIL(parsed.ok(), describe(key) + u"\nerror "_s + parsed.errorString());
    FUZZ_CHECK_DETAIL(*parsed == key, describe(key) + u"\nparsed "_s + show(parsed->toString()));

    // The key's text is also a selector that picks exactly this key.
    const auto matcher = LabelMatcher::parse(key.toString());
    FUZZ_CHECK_DETAIL(matcher.ok(), describe(key) + u"\nerror "_s + matcher.errorString());
    FUZZ_CHECK_DETAIL(matcher->matches(key), describe(key));

    const GroupingKey collision = key.collisionKey();
    for (const auto &[name, value] : collision.labels()) {
        FUZZ_CHECK(!value.isEmpty());
        FUZZ_CHECK(key.value(name) == value);
    }
}

QString takeName(FuzzedDataProvider &fdp)
{
    static const char *const pool[] = {"job", "instance", "a", "le", "_x", "__reserved", "job@base64", "metrics", "9x", ""};
    if (fdp.ConsumeBool())
        return QString::fromLatin1(fdp.PickValueInArray(pool));
    return utf8Text(fdp.ConsumeRandomLengthString(16));
}

QString takeValue(FuzzedDataProvider &fdp)
{
    static const char *const pool[] = {"", ".", "..", "...", "/", "a/b", "@base64", "=", "==", "%2F", "a%20b",
                                       "metrics", "job", "~", "-_.", "\xc3\xa9", "\xf0\x9f\x9a\x80", " ", "?", "#"};
    switch (fdp.ConsumeIntegralInRange(0, 3)) {
    case 0:
        return QString::fromUtf8(fdp.PickValueInArray(pool));
    case 1: {
        const std::string units = fdp.ConsumeRandomLengthString(32);
        return utf16Text(reinterpret_cast<const uint8_t *>(units.data()), units.size());
    }
    default:
        return utf8Text(fdp.ConsumeRandomLengthString(64));
    }
}

void fuzzFromLabels(FuzzedDataProvider &fdp)
{
    LabelPairs labels;
    const int count = fdp.ConsumeIntegralInRange(0, 6);
    for (int i = 0; i < count; ++i) {
        QString name = takeName(fdp);
        labels.append({std::move(name), takeValue(fdp)});
    }
    const auto key = GroupingKey::fromLabels(labels);
    if (!key) {
        checkError(key.error(), Error::Invalid);
        return;
    }
    checkKey(*key);
    // The same labels, reordered by the rules: job first, then by name.
    FUZZ_CHECK(key->size() == labels.size());
    for (const auto &pair : std::as_const(labels))
        FUZZ_CHECK(key->labels().contains(pair));
}

void fuzzParse(const QString &text)
{
    const auto key = GroupingKey::parse(text);
    if (!key) {
        checkError(key.error(), Error::Parse);
        FUZZ_CHECK(key.error().line == 1 && key.error().column >= 1);
        return;
    }
    checkKey(*key);
}

void fuzzFromPath(const QString &path)
{
    const auto key = GroupingKey::fromPath(path);
    if (!key) {
        checkError(key.error(), Error::Invalid);
        return;
    }
    checkKey(*key);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte picks what the rest is (seeds start with it): 'P'
    // selector text, 'U' a URL path, 'p'/'u' the same as raw UTF-16,
    // anything else labels for fromLabels.
    const uint8_t mode = data[0];
    ++data;
    --size;
    switch (mode) {
    case 'P': fuzzParse(utf8Text(data, size)); break;
    case 'p': fuzzParse(utf16Text(data, size)); break;
    case 'U': fuzzFromPath(utf8Text(data, size)); break;
    case 'u': fuzzFromPath(utf16Text(data, size)); break;
    default: {
        FuzzedDataProvider fdp(data, size);
        fuzzFromLabels(fdp);
        break;
    }
    }
    return 0;
}
