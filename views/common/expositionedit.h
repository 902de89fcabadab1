#pragma once
// An editor for Prometheus text exposition (monospace; paste or load a file),
// validated as it is edited with the same parser and checks that run before
// a push (validateForPush). A problem is shown with its line and
// column, the line is highlighted, and goToError() puts the cursor there.

#include "core/groupingkey.h"
#include "core/metrics.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace PushDeck {

class ExpositionEdit final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExpositionEdit)
public:
    explicit ExpositionEdit(QWidget *parent = nullptr);
    ~ExpositionEdit() override;

    // The key the text will be pushed to: series labels must agree with it.
    void setKey(const GroupingKey &key);

    QByteArray text() const;
    // Replaces the text (as a paste or a loaded file would) and validates at
    // once; when it is invalid the cursor goes to the problem.
    void setText(const QByteArray &text);
    // Reads a file into the editor (same as setText); errors say why not.
    Result<Done> loadFile(const QString &path);

    // Validates now (cancelling a pending delayed validation) and returns it.
    const Result<QList<MetricFamily>> &validateNow();
    // The last validation (editing validates after a short pause; big texts
    // off the UI thread).
    const Result<QList<MetricFamily>> &validation() const { return m_result; }
    bool isValid() const { return m_result.ok() && !m_pending; }
    bool isPending() const { return m_pending; }
    // Moves the cursor to the last problem's line and column (false when the
    // text is valid or the problem has no position).
    bool goToError();

    QPlainTextEdit *editor() const { return m_editor; }
    QString statusText() const;
    void setReadOnly(bool readOnly);

Q_SIGNALS:
    // After every validation (delayed or not).
    void validated(bool ok);
    // The user changed the text (not setText()).
    void edited();

private:
    void scheduleValidation();
    void startValidation();
    void applyResult(Result<QList<MetricFamily>> result);
    void chooseFile();

    GroupingKey m_key;
    Result<QList<MetricFamily>> m_result;
    bool m_pending = false;
    bool m_settingText = false;
    quint64 m_generation = 0;

    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_loadButton = nullptr;
    QTimer *m_delay = nullptr;
};

} // namespace PushDeck
