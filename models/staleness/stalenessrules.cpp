#include "staleness/stalenessrules.h"

#include "core/duration.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSettings>

#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

constexpr int FormatVersion = 1;

Error fieldError(const QString &path, const QString &message)
{
    return Error::make(Error::Parse, path + u": "_s + message);
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Bool: return u"a boolean"_s;
    case QJsonValue::Double: return u"a number"_s;
    case QJsonValue::String: return u"a string"_s;
    case QJsonValue::Array: return u"an array"_s;
    case QJsonValue::Object: return u"an object"_s;
    case QJsonValue::Undefined: break;
    }
    return u"nothing"_s;
}

// "comment" is allowed everywhere: JSON has no comments, and a rules file
// wants to say why a job gets 48 hours.
std::optional<Error> checkKeys(const QJsonObject &object, const QString &path, std::initializer_list<QStringView> known)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"comment")
            continue;
        bool found = false;
        QStringList names;
        for (QStringView k : known) {
            found = found || it.key() == k;
            names.append(k.toString());
        }
        if (!found)
            return fieldError(path.isEmpty() ? u"rules file"_s : path,
                              u"unknown field \"%1\" (expected %2)"_s.arg(it.key(), names.join(u", "_s)));
    }
    return std::nullopt;
}

QString join(const QString &path, QStringView field)
{
    return path.isEmpty() ? field.toString() : path + u'.' + field;
}

Result<double> readDuration(const QJsonValue &value, const QString &path)
{
    if (value.isDouble()) {
        const double seconds = value.toDouble();
        if (!std::isfinite(seconds) || seconds < 0)
            return fieldError(path, u"must be a duration of zero or more seconds"_s);
        return seconds;
    }
    if (!value.isString())
        return fieldError(path, u"expected a duration such as \"15m\", found %1"_s.arg(typeName(value)));
    auto seconds = parseDuration(value.toString());
    if (!seconds)
        return fieldError(path, seconds.errorString());
    return *seconds;
}

Result<double> readFactor(const QJsonValue &value, const QString &path)
{
    if (!value.isDouble())
        return fieldError(path, u"expected a number such as 2, found %1"_s.arg(typeName(value)));
    const double factor = value.toDouble();
    if (!std::isfinite(factor) || factor <= 0)
        return fieldError(path, u"must be a number greater than 0"_s);
    return factor;
}

std::pair<int, int> lineAndColumn(QByteArrayView json, qsizetype offset)
{
    int line = 1, column = 1;
    for (qsizetype i = 0; i < offset && i < json.size(); ++i) {
        if (json[i] == '\n') {
            ++line;
            column = 1;
        } else if ((uchar(json[i]) & 0xC0) != 0x80) { // count characters, not UTF-8 bytes
            ++column;
        }
    }
    return {line, column};
}

Result<StalenessPolicy> parseDocument(const QJsonObject &root)
{
    StalenessPolicy policy;
    if (auto error = checkKeys(root, {}, {u"version", u"defaults", u"cadence", u"rules"}))
        return *error;

    if (root.contains(u"version")) {
        const QJsonValue version = root.value(u"version");
        if (!version.isDouble() || version.toDouble() != std::floor(version.toDouble()))
            return fieldError(u"version"_s, u"expected a whole number, found %1"_s.arg(typeName(version)));
        if (version.toInt() > FormatVersion || version.toInt() < 1)
            return fieldError(u"version"_s, u"version %1 is not supported (this PushDeck reads version %2)"_s.arg(version.toInt()).arg(FormatVersion));
    }

    if (root.contains(u"defaults")) {
        const QJsonValue value = root.value(u"defaults");
        if (!value.isObject())
            return fieldError(u"defaults"_s, u"expected an object with \"warn\" and \"stale\", found %1"_s.arg(typeName(value)));
        const QJsonObject defaults = value.toObject();
        if (auto error = checkKeys(defaults, u"defaults"_s, {u"warn", u"stale"}))
            return *error;
        double warn = policy.defaultWarnAfter();
        double stale = policy.defaultStaleAfter();
        if (defaults.contains(u"warn")) {
            auto d = readDuration(defaults.value(u"warn"), u"defaults.warn"_s);
            if (!d)
                return d.error();
            warn = *d;
        }
        if (defaults.contains(u"stale")) {
            auto d = readDuration(defaults.value(u"stale"), u"defaults.stale"_s);
            if (!d)
                return d.error();
            stale = *d;
        }
        if (stale > 0 && warn > stale)
            return fieldError(u"defaults.warn"_s, u"%1 is longer than defaults.stale (%2)"_s.arg(formatDuration(warn), formatDuration(stale)));
        if (stale <= 0)
            warn = 0; // no default at all
        policy.setDefaults(warn, stale);
    }

    if (root.contains(u"cadence")) {
        const QJsonValue value = root.value(u"cadence");
        if (!value.isObject())
            return fieldError(u"cadence"_s, u"expected an object, found %1"_s.arg(typeName(value)));
        const QJsonObject object = value.toObject();
        if (auto error = checkKeys(object, u"cadence"_s, {u"enabled", u"warnFactor", u"staleFactor", u"minIntervals"}))
            return *error;
        CadenceSettings cadence;
        if (object.contains(u"enabled")) {
            const QJsonValue enabled = object.value(u"enabled");
            if (!enabled.isBool())
                return fieldError(u"cadence.enabled"_s, u"expected true or false, found %1"_s.arg(typeName(enabled)));
            cadence.enabled = enabled.toBool();
        }
        if (object.contains(u"warnFactor")) {
            auto f = readFactor(object.value(u"warnFactor"), u"cadence.warnFactor"_s);
            if (!f)
                return f.error();
            cadence.warnFactor = *f;
        }
        if (object.contains(u"staleFactor")) {
            auto f = readFactor(object.value(u"staleFactor"), u"cadence.staleFactor"_s);
            if (!f)
                return f.error();
            cadence.staleFactor = *f;
        }
        if (cadence.warnFactor > cadence.staleFactor)
            return fieldError(u"cadence.warnFactor"_s, u"%1 is greater than cadence.staleFactor (%2)"_s.arg(cadence.warnFactor).arg(cadence.staleFactor));
        if (object.contains(u"minIntervals")) {
            const QJsonValue n = object.value(u"minIntervals");
            if (!n.isDouble() || n.toDouble() != std::floor(n.toDouble()) || n.toDouble() < 1 || n.toDouble() > 1000)
                return fieldError(u"cadence.minIntervals"_s, u"expected a whole number from 1 to 1000"_s);
            cadence.minIntervals = n.toInt();
        }
        policy.setCadenceSettings(cadence);
    }

    if (root.contains(u"rules")) {
        const QJsonValue value = root.value(u"rules");
        if (!value.isArray())
            return fieldError(u"rules"_s, u"expected an array of rules, found %1"_s.arg(typeName(value)));
        const QJsonArray array = value.toArray();
        QList<StalenessRule> rules;
        rules.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString path = u"rules[%1]"_s.arg(i);
            if (!array.at(i).isObject())
                return fieldError(path, u"expected an object with \"matcher\", \"warn\" and \"stale\", found %1"_s.arg(typeName(array.at(i))));
            const QJsonObject object = array.at(i).toObject();
            if (auto error = checkKeys(object, path, {u"name", u"gateway", u"matcher", u"warn", u"stale"}))
                return *error;
            StalenessRule rule;
            if (object.contains(u"name")) {
                if (!object.value(u"name").isString())
                    return fieldError(join(path, u"name"), u"expected a string, found %1"_s.arg(typeName(object.value(u"name"))));
                rule.name = object.value(u"name").toString();
            }
            if (object.contains(u"gateway")) {
                if (!object.value(u"gateway").isString())
                    return fieldError(join(path, u"gateway"), u"expected a gateway name or URL such as \"prod:9091\", found %1"_s.arg(typeName(object.value(u"gateway"))));
                rule.gateway = object.value(u"gateway").toString().trimmed();
            }
            for (QStringView field : {u"matcher", u"warn", u"stale"}) {
                if (!object.contains(field))
                    return fieldError(join(path, field), u"missing"_s);
            }
            const QJsonValue matcherValue = object.value(u"matcher");
            if (!matcherValue.isString())
                return fieldError(join(path, u"matcher"), u"expected a selector such as {job=\"backup\"}, found %1"_s.arg(typeName(matcherValue)));
            auto matcher = LabelMatcher::parse(matcherValue.toString());
            if (!matcher)
                return fieldError(join(path, u"matcher"), matcher.errorString());
            rule.matcher = *matcher;
            auto warn = readDuration(object.value(u"warn"), join(path, u"warn"));
            if (!warn)
                return warn.error();
            auto stale = readDuration(object.value(u"stale"), join(path, u"stale"));
            if (!stale)
                return stale.error();
            if (*stale <= 0)
                return fieldError(join(path, u"stale"), u"must be longer than 0s"_s);
            if (*warn > *stale)
                return fieldError(join(path, u"warn"), u"%1 is longer than stale (%2)"_s.arg(formatDuration(*warn), formatDuration(*stale)));
            rule.warnAfter = *warn;
            rule.staleAfter = *stale;
            rules.append(std::move(rule));
        }
        policy.setRules(std::move(rules));
    }
    return policy;
}

QJsonObject toObject(const StalenessPolicy &policy)
{
    QJsonObject root;
    root.insert(u"version", FormatVersion);
    root.insert(u"defaults", QJsonObject{
        {u"warn"_s, formatDuration(policy.defaultWarnAfter())},
        {u"stale"_s, formatDuration(policy.defaultStaleAfter())},
    });
    const CadenceSettings &cadence = policy.cadenceSettings();
    root.insert(u"cadence", QJsonObject{
        {u"enabled"_s, cadence.enabled},
        {u"warnFactor"_s, cadence.warnFactor},
        {u"staleFactor"_s, cadence.staleFactor},
        {u"minIntervals"_s, cadence.minIntervals},
    });
    QJsonArray rules;
    for (const StalenessRule &rule : policy.rules()) {
        QJsonObject object{
            {u"matcher"_s, rule.matcher.toString()},
            {u"warn"_s, formatDuration(rule.warnAfter)},
            {u"stale"_s, formatDuration(rule.staleAfter)},
        };
        if (!rule.name.isEmpty())
            object.insert(u"name", rule.name);
        // Only scoped rules carry the field: files without scoped rules stay
        // byte for byte what older versions wrote and read.
        if (!rule.gateway.isEmpty())
            object.insert(u"gateway", rule.gateway);
        rules.append(object);
    }
    root.insert(u"rules", rules);
    return root;
}

} // namespace

Result<StalenessPolicy> StalenessRules::fromJson(QByteArrayView json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // QJsonParseError's offset is just past the offending character.
        const auto [line, column] = lineAndColumn(json, std::max(0, parseError.offset - 1));
        Error error = Error::make(Error::Parse, u"invalid JSON at line %1, column %2: %3"_s.arg(line).arg(column).arg(parseError.errorString()));
        error.line = line;
        error.column = column;
        return error;
    }
    if (!document.isObject())
        return Error::make(Error::Parse, u"rules file: expected a JSON object with \"defaults\", \"cadence\" and \"rules\""_s);
    return parseDocument(document.object());
}

QByteArray StalenessRules::toJson(const StalenessPolicy &policy)
{
    return QJsonDocument(toObject(policy)).toJson(QJsonDocument::Indented);
}

Result<StalenessPolicy> StalenessRules::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Invalid, u"cannot read rules file %1: %2"_s.arg(path, file.errorString()));
    auto policy = fromJson(file.readAll());
    if (!policy) {
        Error error = policy.error();
        error.message = path + u": "_s + error.message;
        return error;
    }
    return policy;
}

Result<Done> StalenessRules::save(const StalenessPolicy &policy, const QString &path)
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists() && !QDir().mkpath(info.absolutePath()))
        return Error::make(Error::Invalid, u"cannot create the folder %1"_s.arg(info.absolutePath()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(Error::Invalid, u"cannot write rules file %1: %2"_s.arg(path, file.errorString()));
    file.write(toJson(policy));
    if (!file.commit())
        return Error::make(Error::Invalid, u"cannot write rules file %1: %2"_s.arg(path, file.errorString()));
    return Done{};
}

QString StalenessRules::toSettingsString(const StalenessPolicy &policy)
{
    return QString::fromUtf8(QJsonDocument(toObject(policy)).toJson(QJsonDocument::Compact));
}

Result<StalenessPolicy> StalenessRules::fromSettingsString(QStringView text)
{
    return fromJson(text.toUtf8());
}

QString StalenessRules::settingsKey()
{
    return u"staleness/rules"_s;
}

Result<StalenessPolicy> StalenessRules::readSettings(const QSettings &settings)
{
    const QString text = settings.value(settingsKey()).toString();
    if (text.isEmpty())
        return StalenessPolicy();
    auto policy = fromSettingsString(text);
    if (!policy) {
        Error error = policy.error();
        error.message = u"saved staleness rules: "_s + error.message;
        return error;
    }
    return policy;
}

void StalenessRules::writeSettings(QSettings &settings, const StalenessPolicy &policy)
{
    settings.setValue(settingsKey(), toSettingsString(policy));
}

} // namespace PushDeck
