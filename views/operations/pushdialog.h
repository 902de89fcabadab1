#pragma once
// Pushing a new group (or new content to an existing one) by hand: a grouping
// key and exposition text, both validated before anything is sent (line and
// column for text problems), PUT (replace) or POST (merge), and the gateway's
// own words when it rejects the push.

#include "core/metrics.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

class QLabel;
class QPushButton;
class QRadioButton;

namespace PushDeck {

class ExpositionEdit;
class GroupKeyEdit;
class GroupOperations;

class PushDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PushDialog)
public:
    // `ops` pushes to the gateway at `gatewayUrl` and must outlive the
    // dialog; `groups` (the last poll) tell which keys exist already.
    PushDialog(GroupOperations *ops, const QUrl &gatewayUrl, const QList<Group> &groups, QWidget *parent = nullptr);
    ~PushDialog() override;

    // What the Push button does: validates, then pushes. When the text is
    // invalid nothing is sent and the cursor goes to the problem.
    void push();
    bool isRunning() const { return m_running; }
    // The outcome of the last push (empty before the first).
    QString resultText() const;
    bool lastPushSucceeded() const { return m_lastOk; }

    // For tests and screenshots.
    GroupKeyEdit *keyEdit() const { return m_keyEdit; }
    ExpositionEdit *expositionEdit() const { return m_textEdit; }
    QRadioButton *replaceButton() const { return m_replace; }
    QRadioButton *mergeButton() const { return m_merge; }
    QPushButton *pushButton() const { return m_pushButton; }

    void reject() override;

Q_SIGNALS:
    void pushFinished(bool ok, const QString &message);

private:
    void updateState();
    void showResult(bool ok, const QString &text);

    QPointer<GroupOperations> m_ops; // the session's; gone when it closed
    QList<GroupingKey> m_existing;
    bool m_running = false;
    bool m_lastOk = false;

    GroupKeyEdit *m_keyEdit = nullptr;
    ExpositionEdit *m_textEdit = nullptr;
    QRadioButton *m_replace = nullptr;
    QRadioButton *m_merge = nullptr;
    QLabel *m_existsNote = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_pushButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace PushDeck
