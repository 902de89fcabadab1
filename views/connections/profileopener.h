#pragma once
// Opens connection profiles in the main window: each in its own tab named
// after the profile (several at once; the fleet tab lists them), with the
// secret from the session, the keyring, or — when there is no keyring — a
// prompt for this session. Asks once per profile before credentials go over
// plain http (the answer is kept in the profile), marks tabs whose profile
// skips TLS verification with red tab text, a tooltip and status-bar text,
// remembers which profiles are open and restores them on start. Adds
// "Connections…" to the Gateway menu.

#include "gateway/connectionresolver.h"

#include "session/gatewaysession.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QLabel;

namespace PushDeck {

class CredentialStore;
class GatewaySession;
class GatewayView;
class MainWindow;

class ProfileOpener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileOpener)
public:
    // `store`: where secrets are read; null → a CredentialStore of its own.
    explicit ProfileOpener(MainWindow *window, CredentialStore *store = nullptr);
    ~ProfileOpener() override;

    // Asked before credentials go over plain http; true: go ahead (then
    // remembered in the profile). Default: a QMessageBox.
    using ConfirmPlainHttp = std::function<bool(const ConnectionProfile &profile)>;
    // Asked for the secret when none is stored (`why` says what the keyring
    // answered); nullopt: cancelled. Default: a password dialog.
    using AskSecret = std::function<std::optional<QString>(const ConnectionProfile &profile, const QString &why)>;
    void setConfirmPlainHttp(ConfirmPlainHttp confirm) { m_confirm = std::move(confirm); }
    void setAskSecret(AskSecret ask) { m_ask = std::move(ask); }

    // Opens (or switches to) the profile's tab; asynchronous when the keyring
    // is asked. Emits opened() or failed() (the message is also shown in the
    // status bar).
    void openProfile(const QString &name);
    // Names of the profiles open in tabs, in tab order.
    QStringList openProfiles() const;
    GatewayView *viewFor(const QString &name) const;
    // Re-opens the profiles that were open when the app last ran. Returns
    // how many it is opening.
    int restoreOpenProfiles();
    void showConnectionsDialog();
    QAction *connectionsAction() const { return m_action; }
    CredentialStore *credentialStore() const { return m_store; }

Q_SIGNALS:
    void opened(const QString &name, GatewayView *view);
    void failed(const QString &name, const QString &message);

private:
    // Opens the resolved connection in a tab, or fails with its error.
    void open(const QString &name, const Result<ResolvedConnection> &connection);
    void fail(const QString &name, const QString &message);
    void saveOpenProfiles();
    void updateWarning();

    MainWindow *m_window;
    CredentialStore *m_store;
    ConnectionResolver m_resolver; // the same way from profile to connection as pushdeckctl --profile
    QAction *m_action = nullptr;
    QLabel *m_warning = nullptr;
    ConfirmPlainHttp m_confirm;
    AskSecret m_ask;
    struct Open
    {
        QString name;
        QPointer<GatewaySession> session; // the view shows this profile while its session is this one
        bool insecure = false;
    };
    QHash<GatewayView *, Open> m_open;
    QStringList m_pending; // being opened (waiting for the keyring)
};

} // namespace PushDeck
