// The Connections dialog and ProfileOpener, offscreen, against REAL gateways
// with TLS + basic auth (and one on plain http): add/edit/validate/test/
// remove profiles, the secret never in the settings file (no keyring here:
// kept for the session), the skip-verification warning, profiles opened in
// tabs named after them (several at once, the fleet tab lists them), the
// warning on a tab that skips verification, asking once before credentials
// go over plain http, and the open profiles restored on the next start.
// PUSHDECK_GUI_BINARY: the CMake rule makes this test depend on the binaries.

#include "views/connections/connectionsdialog.h"
#include "gateway/credentialstore.h"
#include "items/fleetmodel.h"
#include "views/gateway/gatewayview.h"
#include "gateway/localgateway.h"
#include "views/window/mainwindow.h"
#include "views/connections/profileopener.h"
#include "testgateway.h"
#include "tlsfixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QUrlQuery>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

class TestConnectionsDialog : public QObject
{
    Q_OBJECT

    TlsFixture m_pki;
    std::unique_ptr<LocalGateway> m_tls;
    std::unique_ptr<LocalGateway> m_http;
    const QString m_password = u"hunter2-secret"_s;

    template<typename T>
    static T *child(QWidget *parent, const char *name)
    {
        auto *w = parent->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }

    static void setText(QWidget *dialog, const char *name, const QString &text)
    {
        auto *edit = child<QLineEdit>(dialog, name);
        edit->clear();
        QTest::keyClicks(edit, text);
    }

    std::unique_ptr<LocalGateway> startGateway(const TlsFixture::WebConfig &config, const QString &name)
    {
        const QString file = m_pki.writeWebConfig(config, name);
        auto gateway = std::make_unique<LocalGateway>(m_pki.gatewayOptions(file, config));
        if (!gateway->startAndWait(20000))
            return nullptr;
        return gateway;
    }

    static void saveProfile(const ConnectionProfile &p)
    {
        QSettings settings;
        ConnectionProfile::save(settings, p);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // No keyring here: a session bus that does not exist (the real
        // keyring is tested in tst_credentialstore).
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/pushdeck-test-bus");
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY2(m_pki.create(), qPrintable(m_pki.errorString()));
        m_tls = startGateway({true, false, u"user"_s, m_password}, u"tls.yml"_s);
        QVERIFY(m_tls);
        m_http = startGateway({false, false, u"user"_s, m_password}, u"http.yml"_s);
        QVERIFY(m_http);
    }

    void addProfileSecretNeverInSettings()
    {
        CredentialStore store(u"PushDeckTest"_s);
        ConnectionsDialog dialog(&store);
        dialog.show();
        QTest::mouseClick(child<QPushButton>(&dialog, "addButton"), Qt::LeftButton);
        setText(&dialog, "nameEdit", u"tls-gw"_s);
        setText(&dialog, "urlEdit", m_tls->url().toString());
        auto *auth = child<QComboBox>(&dialog, "authCombo");
        auth->setCurrentIndex(auth->findData(int(ConnectionProfile::Auth::Basic)));
        setText(&dialog, "userEdit", u"user"_s);
        setText(&dialog, "secretEdit", m_password);
        QCOMPARE(child<QLineEdit>(&dialog, "secretEdit")->echoMode(), QLineEdit::Password);
        setText(&dialog, "caEdit", m_pki.caFile());

        QSignalSpy stored(&dialog, &ConnectionsDialog::secretStored);
        QTest::mouseClick(child<QPushButton>(&dialog, "saveButton"), Qt::LeftButton);
        QVERIFY2(stored.wait(20000), qPrintable(dialog.messageText()));
        QCOMPARE(stored.first().at(0).toBool(), false);
        QVERIFY2(dialog.messageText().contains(u"no system keyring available"_s), qPrintable(dialog.messageText()));
        QVERIFY2(dialog.messageText().contains(u"this session only"_s), qPrintable(dialog.messageText()));
        QCOMPARE(CredentialStore::sessionSecret(u"tls-gw"_s).value(), m_password);
        QVERIFY(child<QLineEdit>(&dialog, "secretEdit")->text().isEmpty());

        QSettings settings;
        settings.sync();
        const auto saved = ConnectionProfile::load(settings, u"tls-gw"_s);
        QVERIFY(saved);
        QCOMPARE(saved->username, u"user"_s);
        QCOMPARE(saved->caFile, m_pki.caFile());
        // The proof: the settings file has the profile, not the secret.
        QFile file(settings.fileName());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("tls-gw"));
        QVERIFY(!text.contains(m_password.toUtf8()));
        QVERIFY(!text.contains(m_password.toUtf8().toBase64()));
        QCOMPARE(child<QListWidget>(&dialog, "profileList")->count(), 1);
    }

    void validationAndSkipWarning()
    {
        ConnectionsDialog dialog(nullptr);
        dialog.show();
        QTest::mouseClick(child<QPushButton>(&dialog, "addButton"), Qt::LeftButton);
        setText(&dialog, "nameEdit", u"broken"_s);
        setText(&dialog, "urlEdit", u"https://gw:9091"_s);
        auto *auth = child<QComboBox>(&dialog, "authCombo");
        auth->setCurrentIndex(auth->findData(int(ConnectionProfile::Auth::Basic)));
        setText(&dialog, "caEdit", u"/nonexistent/ca.pem"_s);
        QTest::mouseClick(child<QPushButton>(&dialog, "saveButton"), Qt::LeftButton);
        QVERIFY2(dialog.messageText().startsWith(u"Not saved"_s), qPrintable(dialog.messageText()));
        QVERIFY(dialog.messageText().contains(u"needs a user name"_s));
        QVERIFY(dialog.messageText().contains(u"/nonexistent/ca.pem does not exist"_s));
        QSettings settings;
        QVERIFY(!ConnectionProfile::load(settings, u"broken"_s));

        auto *skip = child<QCheckBox>(&dialog, "skipVerifyCheck");
        auto *warning = child<QLabel>(&dialog, "skipVerifyWarning");
        QVERIFY(!warning->isVisible());
        QTest::mouseClick(skip, Qt::LeftButton, {}, QPoint(4, skip->height() / 2));
        QVERIFY(skip->isChecked());
        QVERIFY(warning->isVisible());
        QVERIFY(warning->styleSheet().contains(u"#c62828"_s));
        QVERIFY(warning->text().contains(u"Dangerous"_s));
        skip->setChecked(false);
        QVERIFY(!warning->isVisible());
    }

    void testButton()
    {
        ConnectionsDialog dialog(nullptr);
        dialog.show();
        QVERIFY(dialog.selectProfile(u"tls-gw"_s));
        QSignalSpy tested(&dialog, &ConnectionsDialog::testFinished);
        // The secret from this session (typed at save time).
        QTest::mouseClick(child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        QVERIFY(tested.wait(20000));
        QVERIFY2(tested.last().at(0).toBool(), qPrintable(tested.last().at(1).toString()));
        QVERIFY(dialog.testResultText().startsWith(u"OK: Pushgateway 1."_s));

        setText(&dialog, "secretEdit", u"wrong"_s);
        QTest::mouseClick(child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        QVERIFY(tested.wait(20000));
        QCOMPARE(tested.last().at(0).toBool(), false);
        QVERIFY2(dialog.testResultText().startsWith(u"authentication failed"_s), qPrintable(dialog.testResultText()));

        // Over plain http the test asks first, like opening does.
        ConnectionsDialog plain(nullptr);
        plain.show();
        QTest::mouseClick(child<QPushButton>(&plain, "addButton"), Qt::LeftButton);
        setText(&plain, "nameEdit", u"plain-test"_s);
        setText(&plain, "urlEdit", m_http->url().toString());
        auto *auth = child<QComboBox>(&plain, "authCombo");
        auth->setCurrentIndex(auth->findData(int(ConnectionProfile::Auth::Basic)));
        setText(&plain, "userEdit", u"user"_s);
        setText(&plain, "secretEdit", m_password);
        int asked = 0;
        bool answer = false;
        plain.setConfirmPlainHttp([&](const ConnectionProfile &) { return ++asked, answer; });
        QSignalSpy plainTested(&plain, &ConnectionsDialog::testFinished);
        QTest::mouseClick(child<QPushButton>(&plain, "testButton"), Qt::LeftButton);
        QCOMPARE(plainTested.size(), 1);
        QCOMPARE(plainTested.last().at(0).toBool(), false);
        QVERIFY(plain.testResultText().contains(u"plain http"_s));
        answer = true;
        QTest::mouseClick(child<QPushButton>(&plain, "testButton"), Qt::LeftButton);
        QVERIFY(plainTested.wait(20000));
        QVERIFY2(plainTested.last().at(0).toBool(), qPrintable(plain.testResultText()));
        QCOMPARE(asked, 2);

        child<QLineEdit>(&dialog, "secretEdit")->clear();
        setText(&dialog, "caEdit", m_pki.otherCaFile());
        QTest::mouseClick(child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        QVERIFY(tested.wait(20000));
        QCOMPARE(tested.last().at(0).toBool(), false);
        QVERIFY2(dialog.testResultText().startsWith(u"TLS: "_s), qPrintable(dialog.testResultText()));
    }

    void openSeveralProfiles()
    {
        ConnectionProfile insecure;
        insecure.name = u"insecure"_s;
        insecure.url = m_tls->url().toString();
        insecure.auth = ConnectionProfile::Auth::Basic;
        insecure.username = u"user"_s;
        insecure.skipVerify = true;
        saveProfile(insecure);
        CredentialStore::rememberForSession(u"insecure"_s, m_password);
        ConnectionProfile plain;
        plain.name = u"plain"_s;
        plain.url = m_http->url().toString();
        plain.auth = ConnectionProfile::Auth::Basic;
        plain.username = u"user"_s;
        saveProfile(plain);
        CredentialStore::rememberForSession(u"plain"_s, m_password);

        MainWindow window;
        window.show();
        ProfileOpener opener(&window, nullptr);
        opener.setAskSecret([](const ConnectionProfile &, const QString &) { return std::nullopt; }); // never a modal dialog
        QVERIFY(window.gatewayMenu()->actions().contains(opener.connectionsAction()));
        int asked = 0;
        opener.setConfirmPlainHttp([&](const ConnectionProfile &p) {
            ++asked;
            return p.name == u"plain"_s;
        });
        QSignalSpy opened(&opener, &ProfileOpener::opened);
        QSignalSpy failed(&opener, &ProfileOpener::failed);
        for (const QString &name : {u"tls-gw"_s, u"insecure"_s, u"plain"_s})
            opener.openProfile(name);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 3, 10000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(asked, 1);
        QSettings settings;
        QVERIFY(ConnectionProfile::load(settings, u"plain"_s)->plainHttpCredentialsAccepted);
        QCOMPARE(opener.openProfiles(), QStringList({u"tls-gw"_s, u"insecure"_s, u"plain"_s}));

        // Tabs named by the profile, the fleet tab first, every one polling
        // with its credentials.
        QTabWidget *tabs = window.tabs();
        QStringList names;
        for (int i = 0; i < tabs->count(); ++i)
            names << tabs->tabText(i);
        QCOMPARE(names, QStringList({u"Fleet"_s, u"tls-gw"_s, u"insecure"_s, u"plain"_s}));
        QCOMPARE(window.fleetModel()->rowCount(), 3);
        for (const QString &name : {u"tls-gw"_s, u"insecure"_s, u"plain"_s}) {
            GatewayView *view = opener.viewFor(name);
            QVERIFY(view);
            QTRY_VERIFY2_WITH_TIMEOUT((view->session() && view->session()->hasStatus()), qPrintable(name + u": "_s + view->lastErrorText()), 15000);
            QVERIFY2(view->lastErrorText().isEmpty(), qPrintable(view->lastErrorText()));
            QCOMPARE(window.fleetModel()->index(int(window.views().indexOf(view)), FleetModel::NameColumn).data().toString(), name);
        }

        // The tab that skips verification says so, persistently.
        const int insecureTab = tabs->indexOf(opener.viewFor(u"insecure"_s));
        QCOMPARE(tabs->tabBar()->tabTextColor(insecureTab), QColor(0xc6, 0x28, 0x28));
        QVERIFY(tabs->tabToolTip(insecureTab).contains(u"NOT verified"_s));
        QVERIFY(!tabs->tabBar()->tabTextColor(tabs->indexOf(opener.viewFor(u"tls-gw"_s))).isValid());
        QVERIFY(!tabs->tabToolTip(tabs->indexOf(opener.viewFor(u"tls-gw"_s))).contains(u"NOT verified"_s));
        auto *warning = window.findChild<QLabel *>(u"tlsWarning"_s);
        QVERIFY(warning);
        tabs->setCurrentIndex(insecureTab);
        QVERIFY(warning->isVisible());
        tabs->setCurrentWidget(opener.viewFor(u"tls-gw"_s));
        QVERIFY(!warning->isVisible());

        // Opening an open profile switches to its tab.
        opener.openProfile(u"insecure"_s);
        QCOMPARE(tabs->currentIndex(), insecureTab);
        QCOMPARE(window.views().size(), 3);
        QCOMPARE(QSettings().value(u"connections/open"_s).toStringList(), opener.openProfiles());
    }

    // Issue 18 §4: a profile's Prometheus URL (edited in the dialog, saved)
    // gives the group menu "Open in Prometheus" (a graph of the group's age
    // and its families); "Copy as PromQL" works with or without it.
    void prometheusLinks()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        const QString key = u"{job=\"backup/db\",instance=\"\",env=\"prod \\\"eu\\\"\"}"_s;
        QCOMPARE(gateway.push(key, "backup_last_size_bytes 1\nbackup_duration_seconds 2\n"), 200);

        {
            ConnectionsDialog dialog(nullptr);
            QTest::mouseClick(child<QPushButton>(&dialog, "addButton"), Qt::LeftButton);
            setText(&dialog, "nameEdit", u"with-prom"_s);
            setText(&dialog, "urlEdit", gateway.url().toString());
            setText(&dialog, "prometheusEdit", u"http://prom.example:9090/prom"_s);
            setText(&dialog, "grafanaEdit", u"https://grafana.example"_s);
            if (const QString dir = qEnvironmentVariable("PUSHDECK_GRAB_DIR"); !dir.isEmpty())
                dialog.grab().save(dir + u"/connections-prometheus.png"_s);
            QTest::mouseClick(child<QPushButton>(&dialog, "saveButton"), Qt::LeftButton);
            setText(&dialog, "nameEdit", u"bad-prom"_s);
            setText(&dialog, "prometheusEdit", u"ftp://prom.example:9090"_s);
            QTest::mouseClick(child<QPushButton>(&dialog, "saveButton"), Qt::LeftButton);
            QVERIFY2(child<QLabel>(&dialog, "messageLabel")->text().contains(u"Prometheus URL"_s),
                     qPrintable(child<QLabel>(&dialog, "messageLabel")->text()));
        }
        QSettings settings;
        const auto saved = ConnectionProfile::load(settings, u"with-prom"_s);
        QVERIFY(saved);
        QCOMPARE(saved->prometheusUrl, u"http://prom.example:9090/prom"_s);
        QCOMPARE(saved->grafanaUrl, u"https://grafana.example"_s);
        QVERIFY(!ConnectionProfile::load(settings, u"bad-prom"_s));
        ConnectionProfile without;
        without.name = u"without-prom"_s;
        without.url = gateway.url().toString();
        saveProfile(without);

        // The other tests' open profiles and list stay as they were.
        const QVariant openBefore = QSettings().value(u"connections/open"_s);
        const auto restore = qScopeGuard([openBefore] {
            QSettings settings;
            settings.setValue(u"connections/open"_s, openBefore);
            ConnectionProfile::remove(settings, u"with-prom"_s);
            ConnectionProfile::remove(settings, u"without-prom"_s);
        });
        MainWindow window;
        window.show();
        ProfileOpener opener(&window, nullptr);
        QSignalSpy opened(&opener, &ProfileOpener::opened);
        opener.openProfile(u"with-prom"_s);
        opener.openProfile(u"without-prom"_s);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 2, 10000);
        const GroupingKey groupKey = GroupingKey::parse(key).value();
        // job first, then the other labels by name, as keys are written.
        const QString age = u"time() - push_time_seconds{job=\"backup/db\",env=\"prod \\\"eu\\\"\",instance=\"\"}"_s;
        for (const QString &name : {u"with-prom"_s, u"without-prom"_s}) {
            GatewayView *view = opener.viewFor(name);
            QVERIFY(view);
            QTRY_VERIFY_WITH_TIMEOUT(view->session() && !view->session()->groups().isEmpty(), 15000);
            view->selectGroups({groupKey});
            QCOMPARE(view->currentKey(), groupKey);
            QMenu menu;
            view->populateGroupMenu(&menu);
            // PUSHDECK_GRAB_DIR: the menu as a PNG, to look at.
            if (const QString dir = qEnvironmentVariable("PUSHDECK_GRAB_DIR"); !dir.isEmpty()) {
                menu.adjustSize();
                menu.grab().save(dir + u"/groupmenu-"_s + name + u".png"_s);
            }
            auto *copy = menu.findChild<QAction *>(u"copyAsPromQLAction"_s);
            QVERIFY(copy);
            QApplication::clipboard()->clear();
            copy->trigger();
            QCOMPARE(QApplication::clipboard()->text(), age);
            auto *open = menu.findChild<QAction *>(u"openInPrometheusAction"_s);
            if (name == u"without-prom"_s) {
                QVERIFY(!open);
                QVERIFY(view->prometheusGraphUrl().isEmpty());
                continue;
            }
            QVERIFY(open);
            QVERIFY(open->isEnabled());
            const QUrl url = view->prometheusGraphUrl();
            QCOMPARE(url.host(), u"prom.example"_s);
            QCOMPARE(url.path(), u"/prom/graph"_s);
            const QUrlQuery query(url);
            QCOMPARE(query.queryItemValue(u"g0.expr"_s, QUrl::FullyDecoded), age);
            const QString series = query.queryItemValue(u"g1.expr"_s, QUrl::FullyDecoded);
            QVERIFY2(series.startsWith(u"{__name__=~\""_s) && series.contains(u"backup_last_size_bytes"_s)
                         && series.contains(u"backup_duration_seconds"_s) && series.contains(u"job=\"backup/db\""_s),
                     qPrintable(series));
        }
    }

    void refusedPlainHttpAndClose()
    {
        ConnectionProfile other;
        other.name = u"plain-refused"_s;
        other.url = m_http->url().toString();
        other.auth = ConnectionProfile::Auth::Basic;
        other.username = u"user"_s;
        saveProfile(other);
        CredentialStore::rememberForSession(other.name, m_password);
        MainWindow window;
        ProfileOpener opener(&window, nullptr);
        opener.setConfirmPlainHttp([](const ConnectionProfile &) { return false; });
        QSignalSpy failed(&opener, &ProfileOpener::failed);
        opener.openProfile(other.name);
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().at(1).toString().contains(u"plain http"_s));
        QVERIFY(opener.openProfiles().isEmpty());
    }

    void restoredOnStart()
    {
        // As left by openSeveralProfiles.
        QCOMPARE(QSettings().value(u"connections/open"_s).toStringList(),
                 QStringList({u"tls-gw"_s, u"insecure"_s, u"plain"_s}));
        MainWindow window;
        ProfileOpener opener(&window, nullptr);
        opener.setAskSecret([](const ConnectionProfile &, const QString &) { return std::nullopt; });
        int asked = 0;
        opener.setConfirmPlainHttp([&](const ConnectionProfile &) { return ++asked, true; });
        QSignalSpy opened(&opener, &ProfileOpener::opened);
        QCOMPARE(opener.restoreOpenProfiles(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 3, 10000);
        QCOMPARE(asked, 0); // answered once, remembered in the profile
        QCOMPARE(opener.openProfiles(), QStringList({u"tls-gw"_s, u"insecure"_s, u"plain"_s}));
        QCOMPARE(window.views().size(), 3); // the empty first tab was reused

        // Closing a tab forgets it for the next start.
        window.tabs()->tabCloseRequested(window.tabs()->indexOf(opener.viewFor(u"plain"_s)));
        QCOMPARE(QSettings().value(u"connections/open"_s).toStringList(), QStringList({u"tls-gw"_s, u"insecure"_s}));

        // Another URL typed into a profile's tab: it no longer shows the profile.
        const int insecureTab = window.tabs()->indexOf(opener.viewFor(u"insecure"_s));
        window.tabs()->setCurrentIndex(insecureTab);
        auto *warning = window.findChild<QLabel *>(u"tlsWarning"_s);
        window.show();
        QVERIFY(warning->isVisible());
        QVERIFY(window.openGateway(m_http->url().toString()));
        QCOMPARE(opener.openProfiles(), QStringList({u"tls-gw"_s}));
        QVERIFY(!window.tabs()->tabBar()->tabTextColor(insecureTab).isValid());
        QVERIFY(!warning->isVisible());
    }

    void asksForSecretWithoutKeyring()
    {
        CredentialStore::forgetSession(u"tls-gw"_s);
        MainWindow window;
        ProfileOpener opener(&window, nullptr);
        QString why;
        opener.setAskSecret([&](const ConnectionProfile &, const QString &reason) -> std::optional<QString> {
            why = reason;
            return m_password;
        });
        QSignalSpy opened(&opener, &ProfileOpener::opened);
        opener.openProfile(u"tls-gw"_s);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 20000);
        QVERIFY2(why.startsWith(u"no system keyring available"_s), qPrintable(why));
        QCOMPARE(CredentialStore::sessionSecret(u"tls-gw"_s).value(), m_password);
        GatewayView *view = opener.viewFor(u"tls-gw"_s);
        QTRY_VERIFY_WITH_TIMEOUT((view->session() && view->session()->hasStatus()), 15000);

        // Cancelled: not opened, and said so.
        CredentialStore::forgetSession(u"insecure"_s);
        opener.setAskSecret([](const ConnectionProfile &, const QString &) { return std::nullopt; });
        QSignalSpy failed(&opener, &ProfileOpener::failed);
        opener.openProfile(u"insecure"_s);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
        QVERIFY(failed.first().at(1).toString().contains(u"no secret"_s));
    }

    void removeProfile()
    {
        ConnectionsDialog dialog(nullptr);
        dialog.show();
        auto *list = child<QListWidget>(&dialog, "profileList");
        const int before = list->count();
        QVERIFY(dialog.selectProfile(u"plain-refused"_s));
        QTest::mouseClick(child<QPushButton>(&dialog, "removeButton"), Qt::LeftButton);
        QCOMPARE(list->count(), before - 1);
        QSettings settings;
        QVERIFY(!ConnectionProfile::load(settings, u"plain-refused"_s));
        QVERIFY(!CredentialStore::sessionSecret(u"plain-refused"_s));
    }

    void guiHelpListsProfile()
    {
        QProcess process;
        process.start(QStringLiteral(PUSHDECK_BINARY_DIR "/app/pushdeck"), {u"--help"_s});
        QVERIFY(process.waitForFinished(30000));
        const QByteArray out = process.readAllStandardOutput();
        QVERIFY2(out.contains("--profile <name>"), out.constData());
    }

    // The binary: pushdeck --profile NAME opens it (a TLS-only gateway, so
    // no secret is asked for), and the next start without options opens it
    // again. --screenshot ends each run after the first refresh (without a
    // restored tab there would be none: exit 2 after 60 s).
    void guiProfileOptionAndRestore()
    {
        auto gateway = startGateway({true, false, {}, {}}, u"tls-only.yml"_s);
        QVERIFY(gateway);
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath(u"config/PushDeck"_s));
        {
            QSettings settings(dir.filePath(u"config/PushDeck/pushdeck.conf"_s), QSettings::IniFormat);
            ConnectionProfile p;
            p.name = u"tls only"_s;
            p.url = gateway->url().toString();
            p.caFile = m_pki.caFile();
            ConnectionProfile::save(settings, p);
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"HOME"_s, dir.path());
        env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
        for (const QStringList &args : {QStringList{u"--profile"_s, u"tls only"_s}, QStringList{}}) {
            QProcess process;
            process.setProcessEnvironment(env);
            process.start(QStringLiteral(PUSHDECK_BINARY_DIR "/app/pushdeck"),
                          args + QStringList{u"--screenshot"_s, dir.filePath(u"shot.png"_s)});
            QVERIFY(process.waitForFinished(90000));
            QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
            QSettings settings(dir.filePath(u"config/PushDeck/pushdeck.conf"_s), QSettings::IniFormat);
            QCOMPARE(settings.value(u"connections/open"_s).toStringList(), QStringList{u"tls only"_s});
            // Not a plain URL to remember: the profile stays the way in.
            QVERIFY(settings.value(u"recentGateways"_s).toStringList().isEmpty());
        }
    }

    void cleanupTestCase()
    {
        m_tls.reset();
        m_http.reset();
    }
};

QTEST_MAIN(TestConnectionsDialog)
#include "tst_connectionsdialog.moc"
