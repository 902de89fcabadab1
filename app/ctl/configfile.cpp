#include "ctl/configfile.h"

#include "ctl/help.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

Error configError(const QString &path, const YAML::Mark &mark, const QString &message)
{
    Error error = Error::make(Error::Parse, message);
    if (!mark.is_null()) {
        error.line = mark.line + 1;
        error.column = mark.column + 1;
        error.message = u"%1:%2: %3"_s.arg(path).arg(error.line).arg(message);
    } else {
        error.message = u"%1: %2"_s.arg(path, message);
    }
    return error;
}

} // namespace

QString CtlConfigFile::Setting::where() const
{
    return u"%1:%2: %3"_s.arg(file).arg(line).arg(key);
}

const CtlConfigFile::Setting *CtlConfigFile::find(const QString &key) const
{
    for (const Setting &setting : settings) {
        if (setting.key == key)
            return &setting;
    }
    return nullptr;
}

QStringList CtlConfigFile::candidates(const QProcessEnvironment &environment)
{
    QString userDir = environment.value(u"XDG_CONFIG_HOME"_s);
    if (userDir.isEmpty() || !QDir::isAbsolutePath(userDir)) // the XDG rule: relative ones are ignored
        userDir = environment.value(u"HOME"_s, QDir::homePath()) + u"/.config"_s;
    return {userDir + u"/pushdeck/pushdeckctl.yml"_s, u"/etc/pushdeck/pushdeckctl.yml"_s};
}

Result<std::optional<CtlConfigFile>> CtlConfigFile::find(const QProcessEnvironment &environment, const QStringList &keys,
                                                         const QStringList &pathKeys)
{
    for (const QString &path : candidates(environment)) {
        if (!QFileInfo::exists(path))
            continue;
        auto loaded = load(path, keys, pathKeys);
        if (!loaded)
            return loaded.error();
        return std::optional<CtlConfigFile>(std::move(loaded).value());
    }
    return std::optional<CtlConfigFile>();
}

Result<CtlConfigFile> CtlConfigFile::load(const QString &path, const QStringList &keys, const QStringList &pathKeys)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::NotFound, u"cannot read %1: %2"_s.arg(path, file.errorString()));
    CtlConfigFile config;
    config.path = path;
    const QString directory = QFileInfo(path).absolutePath();
    try {
        const YAML::Node root = YAML::Load(file.readAll().toStdString());
        if (!root || root.IsNull())
            return config;
        if (!root.IsMap())
            return configError(path, root.Mark(), u"expected a mapping of option names to values"_s);
        for (const auto &entry : root) {
            Setting setting;
            setting.file = path;
            setting.key = fromStd(entry.first.Scalar());
            setting.line = entry.first.Mark().line + 1;
            if (!keys.contains(setting.key))
                return configError(path, entry.first.Mark(),
                                   u"unknown key %1%2; the keys are the long global option names and output"_s.arg(
                                       setting.key, didYouMean(setting.key, keys)));
            if (config.find(setting.key))
                return configError(path, entry.first.Mark(), u"%1 is set twice"_s.arg(setting.key));
            const YAML::Node value = entry.second;
            if (value.IsScalar()) {
                setting.values.append(fromStd(value.Scalar()));
            } else if (value.IsSequence() && setting.key == u"gateway"_s) {
                for (const YAML::Node &item : value) {
                    if (!item.IsScalar())
                        return configError(path, item.Mark(), u"gateway: expected a URL"_s);
                    setting.values.append(fromStd(item.Scalar()));
                }
            } else if (!value.IsNull()) {
                return configError(path, value.Mark(), u"%1: expected a single value"_s.arg(setting.key));
            }
            if (setting.values.isEmpty() || setting.values.first().isEmpty())
                return configError(path, value.Mark(), u"%1: no value"_s.arg(setting.key));
            if (pathKeys.contains(setting.key)) {
                for (QString &value : setting.values) {
                    if (value.startsWith(u"~/"_s))
                        value = QDir::homePath() + value.mid(1);
                    else if (!QDir::isAbsolutePath(value))
                        value = QDir::cleanPath(directory + u'/' + value);
                }
            }
            config.settings.append(setting);
        }
    } catch (const YAML::Exception &error) {
        return configError(path, error.mark, fromStd(error.msg));
    }
    return config;
}

} // namespace PushDeck
