#include "views/connections/profileopener.h"

#include "views/connections/connectionsdialog.h"
#include "gateway/credentialstore.h"
#include "gateway/gatewayclient.h"
#include "session/gatewaysession.h"
#include "views/gateway/gatewayview.h"
#include "views/window/mainwindow.h"

#include <QAction>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

const QString OpenKey = u"connections/open"_s;

} // namespace

ProfileOpener::ProfileOpener(MainWindow *window, CredentialStore *store)
    : QObject(window)
    , m_window(window)
    , m_store(store ? store : new CredentialStore(this))
{
    m_resolver.setCredentialStore(m_store);
    m_action = new QAction(tr("&Connections…"), this);
    m_action->setObjectName(u"connectionsAction"_s);
    m_action->setToolTip(tr("Connection profiles: URL, authentication, TLS certificates"));
    connect(m_action, &QAction::triggered, this, &ProfileOpener::showConnectionsDialog);

    auto *openMenu = new QMenu(tr("Open C&onnection"), window);
    openMenu->setObjectName(u"openConnectionMenu"_s);
    connect(openMenu, &QMenu::aboutToShow, this, [this, openMenu] {
        openMenu->clear();
        QSettings settings;
        const auto profiles = ConnectionProfile::loadAll(settings);
        for (const ConnectionProfile &p : profiles)
            openMenu->addAction(p.name, this, [this, name = p.name] { openProfile(name); });
        if (profiles.isEmpty())
            openMenu->addAction(tr("No profiles yet"))->setEnabled(false);
    });
    if (QMenu *menu = window->gatewayMenu()) {
        // Before "Quit" and its separator.
        const auto actions = menu->actions();
        QAction *before = actions.size() >= 2 ? actions[actions.size() - 2] : nullptr;
        menu->insertAction(before, m_action);
        menu->insertMenu(before, openMenu);
        menu->insertSeparator(before);
    }

    m_warning = new QLabel(window->statusBar());
    m_warning->setObjectName(u"tlsWarning"_s);
    m_warning->setStyleSheet(u"color: #c62828; font-weight: bold;"_s);
    m_warning->setContentsMargins(6, 0, 6, 0);
    m_warning->hide();
    window->statusBar()->addPermanentWidget(m_warning);

    connect(window->tabs(), &QTabWidget::currentChanged, this, &ProfileOpener::updateWarning);
    connect(window, &MainWindow::gatewayTabClosed, this, [this](GatewayView *view) {
        if (m_open.remove(view)) {
            saveOpenProfiles();
            updateWarning();
        }
    });

    m_confirm = [this](const ConnectionProfile &p) {
        return QMessageBox::warning(m_window, tr("Credentials over plain http"),
                                    tr("The profile \"%1\" sends its %2 to %3 over plain http: anyone on the network can "
                                       "read them.\n\nSend them anyway? (You will not be asked again for this profile.)")
                                        .arg(p.name,
                                             p.auth == ConnectionProfile::Auth::Basic ? tr("user name and password") : tr("token"),
                                             p.url),
                                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    };
    m_ask = [this](const ConnectionProfile &p, const QString &why) -> std::optional<QString> {
        bool ok = false;
        const QString secret = QInputDialog::getText(
            m_window, tr("Secret for %1").arg(p.name),
            tr("%1\n\nType the %2 for \"%3\"; it is kept for this session only:")
                .arg(why, p.auth == ConnectionProfile::Auth::Basic ? tr("password of %1").arg(p.username) : tr("token"), p.name),
            QLineEdit::Password, {}, &ok);
        if (!ok || secret.isEmpty())
            return std::nullopt;
        return secret;
    };
}

ProfileOpener::~ProfileOpener() = default;

void ProfileOpener::showConnectionsDialog()
{
    ConnectionsDialog dialog(m_store, m_window);
    connect(&dialog, &ConnectionsDialog::openRequested, this, &ProfileOpener::openProfile);
    dialog.exec();
}

void ProfileOpener::fail(const QString &name, const QString &message)
{
    m_pending.removeAll(name);
    m_window->statusBar()->showMessage(message);
    Q_EMIT failed(name, message);
}

GatewayView *ProfileOpener::viewFor(const QString &name) const
{
    for (auto it = m_open.cbegin(); it != m_open.cend(); ++it) {
        if (it->name == name && it->session && it.key()->session() == it->session)
            return it.key();
    }
    return nullptr;
}

QStringList ProfileOpener::openProfiles() const
{
    QStringList names;
    for (GatewayView *view : m_window->views()) {
        const auto it = m_open.constFind(view);
        if (it != m_open.cend() && it->session && view->session() == it->session)
            names << it->name;
    }
    return names;
}

void ProfileOpener::saveOpenProfiles()
{
    QSettings().setValue(OpenKey, openProfiles());
}

int ProfileOpener::restoreOpenProfiles()
{
    const QStringList names = QSettings().value(OpenKey).toStringList();
    for (const QString &name : names)
        openProfile(name);
    return int(names.size());
}

void ProfileOpener::openProfile(const QString &name)
{
    if (GatewayView *view = viewFor(name)) {
        m_window->tabs()->setCurrentWidget(view);
        Q_EMIT opened(name, view);
        return;
    }
    if (m_pending.contains(name))
        return;
    QSettings settings;
    const auto saved = ConnectionResolver::savedProfile(settings, name);
    if (!saved) {
        fail(name, saved.errorString());
        return;
    }
    ConnectionRequest request;
    request.profile = saved.value();
    const auto prepared = m_resolver.prepare(request);
    if (!prepared) {
        fail(name, tr("profile \"%1\": %2").arg(name, prepared.errorString()));
        return;
    }
    const PendingConnection pending = prepared.value();
    // Ask once per profile before credentials travel unencrypted.
    if (pending.profile.sendsCredentialsInClear() && !pending.profile.plainHttpCredentialsAccepted) {
        if (!m_confirm || !m_confirm(pending.profile)) {
            fail(name, tr("Not opened: \"%1\" would send credentials over plain http").arg(name));
            return;
        }
        ConnectionProfile accepted = saved.value();
        accepted.plainHttpCredentialsAccepted = true;
        ConnectionProfile::save(settings, accepted);
    }
    // No secret needed, or one typed earlier in this session.
    if (!pending.needsKeyring()) {
        open(pending.profile.name, ConnectionResolver::finish(pending, pending.secret.value_or(QString())));
        return;
    }
    m_pending.append(name);
    m_window->statusBar()->showMessage(tr("Reading the secret of \"%1\" from the system keyring…").arg(name));
    QPointer<ProfileOpener> self(this);
    m_resolver.readSecret(pending).then(this, [self, pending](const Result<QString> &secret) {
        if (!self)
            return;
        const QString &name = pending.profile.name;
        self->m_pending.removeAll(name);
        if (secret) {
            self->open(name, ConnectionResolver::finish(pending, *secret));
            return;
        }
        const auto typed = self->m_ask ? self->m_ask(pending.profile, secret.errorString()) : std::nullopt;
        if (!typed) {
            self->fail(name, tr("Not opened: no secret for \"%1\" (%2)").arg(name, secret.errorString()));
            return;
        }
        CredentialStore::rememberForSession(name, *typed);
        self->open(name, ConnectionResolver::finish(pending, *typed));
    });
}

void ProfileOpener::open(const QString &name, const Result<ResolvedConnection> &connection)
{
    m_pending.removeAll(name);
    if (!connection) {
        fail(name, connection.errorString());
        return;
    }
    GatewayView *view = m_window->openConnection(connection->baseUrl, connection->options, name);
    if (!view) {
        fail(name, tr("Cannot open \"%1\"").arg(name));
        return;
    }
    // The profile's Prometheus: "Open in Prometheus" in the group menu.
    const QString prometheus = connection->profile.prometheusUrl.trimmed();
    const auto prometheusUrl = prometheus.isEmpty() ? Result<QUrl>(QUrl()) : GatewayClient::normalizeUrl(prometheus);
    view->setPrometheusUrl(prometheusUrl ? *prometheusUrl : QUrl());
    const bool insecure = connection->hasWarning(ConnectionWarning::SkipsVerification);
    m_open.insert(view, {name, view->session(), insecure});
    const int index = m_window->tabs()->indexOf(view);
    const QString url = connection->baseUrl.toDisplayString(QUrl::RemoveUserInfo);
    // The tab icon shows the gateway's state (MainWindow): the warning is
    // the tab's red text, its tooltip and the status-bar note.
    QTabBar *bar = m_window->tabs()->tabBar();
    if (insecure) {
        bar->setTabTextColor(index, QColor(0xc6, 0x28, 0x28));
        m_window->tabs()->setTabToolTip(index, tr("%1 — TLS certificate NOT verified (skip verification is on)").arg(url));
    } else {
        bar->setTabTextColor(index, QColor());
        m_window->tabs()->setTabToolTip(index, url);
    }
    // Another URL typed into this tab: it no longer shows the profile.
    connect(view, &GatewayView::stateChanged, this, [this, view] {
        const auto it = m_open.constFind(view);
        if (it == m_open.cend() || view->session() == it->session)
            return;
        m_open.remove(view);
        if (const int i = m_window->tabs()->indexOf(view); i >= 0)
            m_window->tabs()->tabBar()->setTabTextColor(i, QColor());
        saveOpenProfiles();
        updateWarning();
    });
    saveOpenProfiles();
    updateWarning();
    Q_EMIT opened(name, view);
}

void ProfileOpener::updateWarning()
{
    auto *view = qobject_cast<GatewayView *>(m_window->tabs()->currentWidget());
    const auto it = view ? m_open.constFind(view) : m_open.cend();
    const bool insecure = it != m_open.cend() && it->insecure && it->session && view->session() == it->session;
    m_warning->setText(insecure ? tr("⚠ TLS certificate not verified") : QString());
    m_warning->setToolTip(insecure ? tr("The profile \"%1\" skips TLS certificate verification: anyone between you and the "
                                        "gateway can read the credentials and fake its answers.")
                                         .arg(it->name)
                                   : QString());
    m_warning->setVisible(insecure);
}

} // namespace PushDeck
