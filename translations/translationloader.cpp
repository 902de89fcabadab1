// Installs PushDeck's translation (embedded under :/i18n by translations.cmake)
// and Qt's own (QCommandLineParser's help, standard dialogs) for the user's
// languages. It runs from the QCoreApplication constructor, so neither
// executable's main() has to know about it, and every tr() after that,
// including the command-line help, is translated.

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

void installTranslator(const QString &name, const QString &directory)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    // load() walks QLocale::uiLanguages() (de_AT, de, ...); English needs no file.
    if (translator->load(QLocale(), name, u"_"_s, directory))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

void loadTranslations()
{
    installTranslator(u"pushdeck"_s, u":/i18n"_s);
    installTranslator(u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(loadTranslations)
