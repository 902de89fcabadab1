// pushdeck: the desktop dashboard. Parses the command line, optionally starts
// a local demo gateway, and opens the main window on a gateway.

#include "demo/demoprometheus.h"
#include "demo/demoseeder.h"
#include "demo/localprometheus.h"
#include "gateway/localgateway.h"
#include "views/window/mainwindow.h"
#include "views/connections/profileopener.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

using namespace PushDeck;

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"pushdeck"_s);
    QApplication::setApplicationDisplayName(u"PushDeck"_s);
    QApplication::setApplicationVersion(QStringLiteral(PUSHDECK_VERSION));
    QApplication::setOrganizationName(u"PushDeck"_s);
    QApplication::setDesktopFileName(u"io.github.pushdeck.PushDeck"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/pushdeck.svg"_s));

    QCommandLineParser parser;
    // The window speaks the user's language, its --help too.
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "A desktop dashboard for the Prometheus Pushgateway: every group with its exact grouping key, "
                "last-push age and staleness, and safe, previewed clean-up."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption gatewayOption({u"g"_s, u"gateway"_s},
                                           QCoreApplication::translate("main", "Open this gateway (base URL with route prefix, e.g. http://localhost:9091)."),
                                           u"url"_s);
    const QCommandLineOption demoOption(u"demo"_s,
                                        QCoreApplication::translate("main", "Start a local prometheus-pushgateway seeded with batch jobs and open it, with the guided Pitfalls; "
                                          "when prometheus is installed, also a local Prometheus scraping it (honor_labels, "
                                          "PushDeck's alert rules) whose view of each step the Pitfalls panel charts."));
    const QCommandLineOption screenshotOption(u"screenshot"_s,
                                              QCoreApplication::translate("main", "Render the main window to a PNG once the first refresh has finished, then quit."),
                                              u"file"_s);
    const QCommandLineOption readOnlyOption(u"read-only"_s,
                                            QCoreApplication::translate("main", "Disable every action that changes a gateway (delete, prune, wipe, push, undo)."));
    const QCommandLineOption newTabOption(u"also"_s,
                                          QCoreApplication::translate("main", "Open another gateway in its own tab (repeatable); the fleet overview compares them."),
                                          u"url"_s);
    const QCommandLineOption rulesOption(u"rules"_s,
                                         QCoreApplication::translate("main", "Judge staleness by the rules in this JSON file (the same file pushdeckctl --rules reads)."),
                                         u"file"_s);
    const QCommandLineOption profileOption(u"profile"_s,
                                           QCoreApplication::translate("main", "Open this connection profile (Gateway > Connections) in its own tab (repeatable). "
                                           "Without --profile, --gateway or --demo, the profiles open at the last exit are reopened."),
                                           u"name"_s);
    parser.addOption(gatewayOption);
    parser.addOption(profileOption);
    parser.addOption(newTabOption);
    parser.addOption(rulesOption);
    parser.addOption(readOnlyOption);
    parser.addOption(demoOption);
    parser.addOption(screenshotOption);
    parser.process(app);

    MainWindow window;
    auto *profiles = new ProfileOpener(&window);
    window.setReadOnly(parser.isSet(readOnlyOption) || QSettings().value(u"readOnly"_s, false).toBool());
    if (parser.isSet(rulesOption)) {
        const Result<Done> loaded = window.loadRulesFile(parser.value(rulesOption));
        if (!loaded) {
            std::fprintf(stderr, "pushdeck: %s\n", qPrintable(loaded.errorString()));
            return 2;
        }
    }
    std::unique_ptr<LocalGateway> demo;
    std::unique_ptr<LocalPrometheus> prometheus; // scrapes the demo gateway when installed
    const QString screenshot = parser.value(screenshotOption);

    if (!screenshot.isEmpty()) {
        QObject::connect(&window, &MainWindow::firstRefreshFinished, &window, [&window, screenshot] {
            // Let the layout settle (column widths, elided text) before grabbing.
            QTimer::singleShot(300, &window, [&window, screenshot] {
                const bool ok = window.grab().save(screenshot, "PNG");
                if (!ok)
                    std::fprintf(stderr, "pushdeck: could not write %s\n", qPrintable(screenshot));
                QApplication::exit(ok ? 0 : 1);
            });
        });
        // A screenshot run must end even when the gateway never answers.
        QTimer::singleShot(60000, &app, [] {
            std::fprintf(stderr, "pushdeck: no refresh finished within 60 s; no screenshot taken\n");
            QApplication::exit(2);
        });
    }

    if (parser.isSet(demoOption)) {
        demo = std::make_unique<LocalGateway>();
        // Once: the pitfall scenarios restart this gateway, which must not
        // open it again.
        QObject::connect(
            demo.get(), &LocalGateway::ready, &window,
            [&window, &demo, &prometheus] {
                // A real Prometheus beside it, scraping it with honor_labels and
                // PushDeck's alert rules; the demo runs without it too.
                if (!LocalPrometheus::findBinary().isEmpty()) {
                    prometheus = std::make_unique<LocalPrometheus>(
                        DemoPrometheus::demoOptions(demo->url(), DemoSeeder::demoPolicy()));
                    QObject::connect(prometheus.get(), &LocalPrometheus::failed, &window, [](const QString &message) {
                        std::fprintf(stderr, "pushdeck: the demo's Prometheus failed: %s\n", qPrintable(message));
                    });
                    prometheus->start();
                }
                window.startDemo(demo.get(), prometheus.get());
            },
            Qt::SingleShotConnection);
        QObject::connect(demo.get(), &LocalGateway::failed, &window, [&window, screenshot](const QString &message) {
            if (!screenshot.isEmpty()) {
                std::fprintf(stderr, "pushdeck: demo gateway failed: %s\n", qPrintable(message));
                QApplication::exit(2);
                return;
            }
            QMessageBox::critical(&window, QObject::tr("Demo gateway"),
                                  QObject::tr("The demo gateway could not be started:\n%1").arg(message));
        });
        demo->start();
    } else if (parser.isSet(profileOption)) {
        QObject::connect(profiles, &ProfileOpener::failed, &window, [](const QString &name, const QString &message) {
            std::fprintf(stderr, "pushdeck: profile %s: %s\n", qPrintable(name), qPrintable(message));
        });
        if (parser.isSet(gatewayOption))
            window.openGateway(parser.value(gatewayOption));
        for (const QString &name : parser.values(profileOption))
            profiles->openProfile(name);
    } else {
        QString gateway = parser.value(gatewayOption);
        // The profiles open at the last exit come back; the last plain URL
        // only when there were none.
        if (gateway.isEmpty() && profiles->restoreOpenProfiles() == 0)
            gateway = window.lastGateway();
        if (!gateway.isEmpty())
            window.openGateway(gateway);
    }
    for (const QString &url : parser.values(newTabOption))
        window.openGateway(url, true);
    // A screenshot of several gateways shows the fleet: overview and all groups.
    if (!screenshot.isEmpty() && window.views().size() >= 2)
        window.tabs()->setCurrentIndex(0);

    if (!screenshot.isEmpty()) {
        window.resize(1280, 800); // screenshots always at the same size
        window.show();
    } else if (!QSettings().contains(u"window/geometry"_s)) {
        // First run: the whole screen where it is small (a 1280×800 laptop,
        // or 1920×1080 at a scale of 2), else a generous window.
        const QSize available = window.screen()->availableGeometry().size();
        if (available.width() <= 1440 || available.height() <= 900) {
            window.showMaximized();
        } else {
            window.resize(std::min(1600, available.width() * 85 / 100), std::min(1000, available.height() * 85 / 100));
            window.show();
        }
    } else {
        window.show();
    }
    const int code = app.exec();
    window.shutdown();
    return code;
}
