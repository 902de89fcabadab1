#pragma once
// Re-pushing one existing group, in four ways: touch (new push time, same
// data — with a warning that it makes stale data look fresh), move to another
// key (verified before the old group is deleted; nothing is deleted when
// anything fails), edit and push (the current content in an editor, validated,
// with a diff before sending), and copy to another gateway.

#include "operations/groupoperations.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTabWidget;

namespace PushDeck {

class ExpositionEdit;
class GatewayClient;
class GroupKeyEdit;
class GroupOperations;

class RePushDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RePushDialog)
public:
    enum class Mode { Touch, Move, Edit, Copy };

    // `ops` works on the gateway at `gatewayUrl` and must outlive the
    // dialog; `group` is the group as last read; `groups` (the last poll)
    // tell which keys exist.
    RePushDialog(GroupOperations *ops, const QUrl &gatewayUrl, const Group &group, const QList<Group> &groups,
                 QWidget *parent = nullptr);
    ~RePushDialog() override;

    void setMode(Mode mode);
    Mode mode() const;
    // What the action button does on the current tab.
    void run();
    bool isRunning() const { return m_running; }
    QString resultText() const;
    bool lastRunSucceeded() const { return m_lastOk; }
    const Group &group() const { return m_group; }

    // For tests and screenshots.
    QTabWidget *tabs() const { return m_tabs; }
    QPushButton *runButton() const { return m_runButton; }
    GroupKeyEdit *moveKeyEdit() const { return m_moveKey; }
    QCheckBox *moveOverwriteCheck() const { return m_moveOverwrite; }
    ExpositionEdit *expositionEdit() const { return m_editor; }
    QPlainTextEdit *diffView() const { return m_diff; }
    QRadioButton *editReplaceButton() const { return m_editReplace; }
    QLineEdit *copyUrlEdit() const { return m_copyUrl; }
    QLabel *copyUrlStatus() const { return m_copyUrlStatus; }
    GroupKeyEdit *copyKeyEdit() const { return m_copyKey; }
    QCheckBox *copyOverwriteCheck() const { return m_copyOverwrite; }

    void reject() override;

Q_SIGNALS:
    // After every operation: ok or not, and what happened (for people).
    void operationFinished(bool ok, const QString &message);

private:
    QWidget *buildTouchTab();
    QWidget *buildMoveTab(const QUrl &gatewayUrl);
    QWidget *buildEditTab();
    QWidget *buildCopyTab();
    void updateState();
    void updateDiff();
    Result<QUrl> copyTarget() const;
    void finishRun(const QString &action, const Result<OperationResult> &result);
    void showResult(bool ok, const QString &text);

    QPointer<GroupOperations> m_ops; // the session's; gone when it closed
    QUrl m_gatewayUrl;
    Group m_group;
    QList<GroupingKey> m_existing;
    QByteArray m_currentText;
    bool m_running = false;
    bool m_lastOk = false;
    bool m_groupGone = false; // moved away: only Close remains

    QLabel *m_header = nullptr;
    QTabWidget *m_tabs = nullptr;
    GroupKeyEdit *m_moveKey = nullptr;
    QCheckBox *m_moveOverwrite = nullptr;
    ExpositionEdit *m_editor = nullptr;
    QPlainTextEdit *m_diff = nullptr;
    QRadioButton *m_editReplace = nullptr;
    QRadioButton *m_editMerge = nullptr;
    QLineEdit *m_copyUrl = nullptr;
    QLabel *m_copyUrlStatus = nullptr;
    GroupKeyEdit *m_copyKey = nullptr;
    QCheckBox *m_copyOverwrite = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    quint64 m_diffGeneration = 0;
};

} // namespace PushDeck
