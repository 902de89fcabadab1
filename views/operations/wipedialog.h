#pragma once
// Wiping a whole gateway through its admin API, only after the user typed the
// gateway's address (host:port): a deliberate act that cannot happen by a
// stray click. The caller offers it only when the admin API is enabled.

#include "core/result.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;

namespace PushDeck {

class GroupOperations;

class WipeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WipeDialog)
public:
    // `ops` works on the gateway at `gatewayUrl` and must outlive the
    // dialog; `groupCount` (from the last poll, -1: unknown) is shown.
    WipeDialog(GroupOperations *ops, const QUrl &gatewayUrl, int groupCount, QWidget *parent = nullptr);
    ~WipeDialog() override;

    // What must be typed: host:port of the URL (IPv6 hosts in brackets, the
    // scheme's port when none is given).
    static QString expectedConfirmation(const QUrl &url);

    // What the Wipe button does (ignored unless the confirmation matches).
    void wipe();
    bool isRunning() const { return m_running; }
    bool hasFinished() const { return m_finished; }
    bool succeeded() const { return m_ok; }
    QString resultText() const;

    // For tests and screenshots.
    QLineEdit *confirmEdit() const { return m_confirm; }
    QPushButton *wipeButton() const { return m_wipeButton; }

    // Ignored while the wipe runs: its outcome must be seen.
    void reject() override;

Q_SIGNALS:
    void wipeFinished(bool ok, const QString &message);

private:
    void updateButton();

    QPointer<GroupOperations> m_ops; // the session's; gone when it closed
    QString m_expected;
    bool m_running = false;
    bool m_finished = false;
    bool m_ok = false;

    QLineEdit *m_confirm = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_wipeButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace PushDeck
