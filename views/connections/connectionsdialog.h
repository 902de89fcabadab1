#pragma once
// Gateway → Connections…: add, edit, remove and test connection profiles
// (URL and route prefix, basic or bearer authentication, CA file, client
// certificate and key, skip verification). Profiles go to the settings; the
// password or token typed here goes to the system keyring only (or, without
// one, is kept for this session only). "Open" asks the window to open the
// profile in its own tab.

#include "gateway/connectionprofile.h"

#include <QDialog>
#include <QPointer>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace PushDeck {

class CredentialStore;

class ConnectionsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionsDialog)
public:
    // `store` is not owned and must outlive the dialog.
    explicit ConnectionsDialog(CredentialStore *store, QWidget *parent = nullptr);
    ~ConnectionsDialog() override;

    // Selects a profile by name (false when there is none).
    bool selectProfile(const QString &name);
    // The profile as the form shows it now.
    ConnectionProfile formProfile() const;
    QString messageText() const;   // the last save/test/validation message
    // Asked before "Test" sends credentials over plain http (once per
    // profile, like opening it). Default: a QMessageBox.
    void setConfirmPlainHttp(std::function<bool(const ConnectionProfile &)> confirm) { m_confirm = std::move(confirm); }
    QString testResultText() const;

Q_SIGNALS:
    void openRequested(const QString &name);
    // After "Test": ok and the text shown.
    void testFinished(bool ok, const QString &text);
    // After "Save": the profile is in the settings; the secret is being stored.
    void saved(const QString &name);
    // The keyring answered for a saved secret (ok, or the message shown).
    void secretStored(bool ok, const QString &text);

private:
    void reloadList(const QString &select = {});
    void loadIntoForm(const ConnectionProfile &profile);
    void newProfile();
    bool save();
    void removeCurrent();
    void test();
    void updateFieldStates();
    void showMessage(const QString &text, bool error);
    QString browse(const QString &title, const QString &current);

    CredentialStore *m_store;
    std::function<bool(const ConnectionProfile &)> m_confirm;
    QString m_loadedName; // the name the form's profile had when loaded (renames)
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_prefix = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_secret = nullptr;
    QLineEdit *m_ca = nullptr;
    QLineEdit *m_cert = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_prometheus = nullptr;
    QLineEdit *m_grafana = nullptr;
    QCheckBox *m_skipVerify = nullptr;
    QLabel *m_skipWarning = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_testResult = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_removeButton = nullptr;
};

} // namespace PushDeck
