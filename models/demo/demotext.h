#pragma once
// The tutorial text of the Pitfalls scenarios: titles, explanations and fixes,
// read from resource files compiled into this library (:/demo/<id>.html, one
// per scenario and language; format in resources/demo/README.md), so that the
// text can be written and translated without touching DemoScenarios' logic.

#include "core/result.h"

#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace PushDeck {

class DemoText
{
public:
    struct Step
    {
        QString title; // plain text
        QString text;  // rich text
        QString fix;   // rich text; empty: the scenario's fix applies
    };
    struct Scenario
    {
        QString id;
        QString language;    // the file's lang attribute: "en", "de", ...
        QString title;       // plain text
        QString explanation; // rich text
        QString fix;         // rich text
        QList<Step> steps;
    };

    // The texts of scenario `id` in the first of `locale`'s UI languages that
    // has them, English when none has. A missing or malformed file is an
    // error: it is a build or packaging bug, not something a user can fix.
    static Result<Scenario> scenario(const QString &id, const QLocale &locale = QLocale());
    // The same for a list of UI languages, most preferred first ("de-AT", "fr").
    static Result<Scenario> scenario(const QString &id, const QStringList &uiLanguages);

    // ":/demo/<id>.html"; the resource system resolves it by language.
    static QString resourcePath(const QString &id);

    // Parses one file; `source` names it in errors ("file:line:column: ...").
    static Result<Scenario> parse(const QString &html, const QString &source);
};

} // namespace PushDeck
