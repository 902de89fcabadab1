#pragma once
// pushdeckctl.yml: defaults for the global options on a host, as amtool's
// config.yml does it: the keys are the long names of the global options
// (gateway, rules, timeout, profile, http.config.file, ...) plus output
// (table, wide or json), e.g.
//
//   gateway: http://pushgateway:9091     # or a list of URLs
//   rules: rules.json                    # relative to this file's folder
//   output: wide
//
// The first of $XDG_CONFIG_HOME/pushdeck/pushdeckctl.yml (~/.config/...)
// and /etc/pushdeck/pushdeckctl.yml is read; options and the environment
// beat it (CtlGlobalOptions::apply).

#include "core/result.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace PushDeck {

struct CtlConfigFile
{
    struct Setting
    {
        QString key;
        QStringList values; // one, or several for a list (gateway)
        int line = 0;
        QString where() const; // "FILE:LINE: key", for messages
        QString file;
    };
    QString path;
    QList<Setting> settings;

    const Setting *find(const QString &key) const;

    // The files looked for, in order.
    static QStringList candidates(const QProcessEnvironment &environment);
    // The first candidate that exists, read; nullopt when there is none.
    // `keys`: the allowed keys; `pathKeys`: those whose value is a file
    // (made absolute against the file's folder). Errors (Parse: not YAML,
    // an unknown key, a wrong type; NotFound: unreadable) name the file and
    // line.
    static Result<std::optional<CtlConfigFile>> find(const QProcessEnvironment &environment, const QStringList &keys,
                                                     const QStringList &pathKeys);
    static Result<CtlConfigFile> load(const QString &path, const QStringList &keys, const QStringList &pathKeys);
};

} // namespace PushDeck
