#include "views/operations/deletedialog.h"

#include "views/common/actionicons.h"
#include "views/operations/bulkdeleteview.h"
#include "session/gatewaysession.h"
#include "views/operations/operationkeytable.h"
#include "core/urls.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// A line edit turns reddish while its text is invalid (readable on light and
// dark palettes), so the problem shows where the user is typing.
void markInvalid(QLineEdit *edit, bool invalid)
{
    QPalette palette = edit->parentWidget() ? edit->parentWidget()->palette() : QPalette();
    if (invalid) {
        const QColor base = palette.color(QPalette::Base);
        const bool light = base.lightness() > 128;
        const QColor tint = light ? QColor(0xfb, 0xe3, 0xe4) : QColor(0x5c, 0x1e, 0x22);
        palette.setColor(QPalette::Base, tint);
    }
    edit->setPalette(palette);
}

QLabel *problemLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    label->setPalette(palette);
    return label;
}

} // namespace

DeleteDialog::DeleteDialog(Mode mode, GatewaySession *session, const QList<Group> &groups, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_session(session)
    , m_groups(groups)
    , m_readAt(session ? session->now() : 0)
{
    setObjectName(mode == Mode::Selection ? u"deleteDialog"_s : u"bulkDeleteDialog"_s);
    const QString gateway = session ? redactedUrl(session->url()) : QString();
    // A rule added or a cadence learned meanwhile re-judges the preview.
    if (session)
        connect(session, &GatewaySession::policyChanged, this, &DeleteDialog::updatePreview);
    setWindowTitle(mode == Mode::Selection ? tr("Delete groups") : tr("Bulk delete by matcher"));
    setWindowIcon(ActionIcons::icon(mode == Mode::Selection ? u"delete"_s : u"delete-bulk"_s));

    auto *previewPage = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewPage);
    previewLayout->setContentsMargins(0, 0, 0, 0);

    m_title = new QLabel(previewPage);
    m_title->setObjectName(u"deleteTitle"_s);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::RichText);
    previewLayout->addWidget(m_title);

    if (mode == Mode::Matcher) {
        m_matcherEdit = new QLineEdit(previewPage);
        m_matcherEdit->setObjectName(u"matcherEdit"_s);
        m_matcherEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_matcherEdit->setPlaceholderText(u"{job=~\"batch-.*\", instance!=\"\"}"_s);
        m_matcherEdit->setClearButtonEnabled(true);
        m_matcherEdit->setToolTip(tr("A PromQL-style selector over the grouping key's labels: = != =~ !~. Regular "
                                     "expressions match the whole value. A label absent from a key matches as \"\"."));
        m_reloadButton = new QPushButton(ActionIcons::icon(u"refresh"_s), tr("Re-read gateway"), previewPage);
        m_reloadButton->setObjectName(u"reloadButton"_s);
        m_reloadButton->setToolTip(tr("Read the groups from the gateway now, so the preview is current"));
        connect(m_reloadButton, &QPushButton::clicked, this, &DeleteDialog::reloadGroups);
        auto *row = new QHBoxLayout;
        row->addWidget(new QLabel(tr("Matcher:"), previewPage));
        row->addWidget(m_matcherEdit, 1);
        row->addWidget(m_reloadButton);
        previewLayout->addLayout(row);
        m_matcherProblem = problemLabel(previewPage, u"matcherProblem"_s);
        previewLayout->addWidget(m_matcherProblem);

        // Typing re-previews after a short pause: matching thousands of groups
        // on every keystroke would make typing sluggish.
        auto *debounce = new QTimer(this);
        debounce->setSingleShot(true);
        debounce->setInterval(150);
        connect(debounce, &QTimer::timeout, this, &DeleteDialog::updatePreview);
        connect(m_matcherEdit, &QLineEdit::textEdited, debounce, qOverload<>(&QTimer::start));
        connect(m_matcherEdit, &QLineEdit::returnPressed, this, &DeleteDialog::updatePreview);
    }

    auto *explain = new QLabel(previewPage);
    explain->setObjectName(u"deleteExplanation"_s);
    explain->setWordWrap(true);
    explain->setText(tr("Exactly these grouping keys are deleted: a group with more or fewer labels is a different "
                        "group and is not touched, also if it appears while the delete runs. Their content is saved "
                        "as an undo snapshot before the first request; Undo pushes it back (with the time of the "
                        "undo as push time)."));
    QFont small = explain->font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    explain->setFont(small);
    previewLayout->addWidget(explain);

    m_count = new QLabel(previewPage);
    m_count->setObjectName(u"previewCount"_s);
    previewLayout->addWidget(m_count);
    m_table = new OperationKeyTable(previewPage);
    m_table->setObjectName(u"previewTable"_s);
    previewLayout->addWidget(m_table, 1);
    m_dryRun = new QCheckBox(tr("Dry run: show what would be deleted and send nothing"), previewPage);
    m_dryRun->setObjectName(u"dryRunCheck"_s);
    connect(m_dryRun, &QCheckBox::toggled, this, &DeleteDialog::updateButtons);
    previewLayout->addWidget(m_dryRun);

    m_runView = new BulkDeleteView(this);
    connect(m_runView, &BulkDeleteView::finished, this, &DeleteDialog::onRunFinished);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(previewPage);
    m_stack->addWidget(m_runView);

    auto *buttons = new QDialogButtonBox(this);
    m_deleteButton = buttons->addButton(tr("Delete"), QDialogButtonBox::AcceptRole);
    m_deleteButton->setObjectName(u"deleteButton"_s);
    m_deleteButton->setIcon(ActionIcons::icon(u"delete"_s));
    m_deleteButton->setAutoDefault(false); // Return in the matcher field must not delete
    m_deleteButton->setDefault(false);
    m_closeButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_closeButton->setObjectName(u"closeButton"_s);
    connect(m_deleteButton, &QPushButton::clicked, this, &DeleteDialog::startDelete);
    connect(m_closeButton, &QPushButton::clicked, this, &DeleteDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack, 1);
    layout->addWidget(buttons);
    resize(760, mode == Mode::Selection ? 420 : 520);

    if (mode == Mode::Selection) {
        m_title->setText(tr("Delete %n group(s) from <b>%1</b>?", nullptr, int(groups.size())).arg(gateway.toHtmlEscaped()));
    } else {
        m_title->setText(tr("Delete every group on <b>%1</b> whose grouping key matches:").arg(gateway.toHtmlEscaped()));
    }
    updatePreview();
    // Nothing destructive has the focus at first: Return must not delete.
    if (m_matcherEdit)
        m_matcherEdit->setFocus();
    else
        m_closeButton->setFocus();
}

DeleteDialog::~DeleteDialog() = default;

void DeleteDialog::setMatcherText(const QString &text)
{
    if (!m_matcherEdit)
        return;
    m_matcherEdit->setText(text);
    updatePreview();
}

void DeleteDialog::reloadGroups()
{
    if (!m_session || m_reloading || isRunning() || hasFinished())
        return;
    m_reloading = true;
    updateButtons();
    if (m_reloadButton)
        m_reloadButton->setEnabled(false);
    m_count->setText(tr("Reading the gateway…"));
    m_session->readGroups().then(this, [this](const Result<QList<Group>> &groups) {
        m_reloading = false;
        if (m_reloadButton)
            m_reloadButton->setEnabled(true);
        if (!groups) {
            updatePreview();
            // Keep the old preview, but say plainly that it could not be renewed.
            m_matcherProblem->setText(tr("Could not read the gateway: %1").arg(groups.errorString()));
            return;
        }
        m_groups = *groups;
        m_readAt = m_session ? m_session->now() : m_readAt;
        updatePreview();
    });
}

void DeleteDialog::updatePreview()
{
    if (isRunning() || hasFinished())
        return;
    m_problem.clear();
    QList<Group> selected;
    if (m_mode == Mode::Selection) {
        selected = m_groups;
        if (selected.isEmpty())
            m_problem = tr("No group is selected.");
    } else {
        const QString text = m_matcherEdit->text().trimmed();
        auto matcher = LabelMatcher::parse(text);
        if (!matcher) {
            m_problem = matcher.errorString();
        } else if (matcher->isEmpty()) {
            m_problem = tr("Type a matcher. An empty matcher would select every group; to delete everything use "
                           "Wipe, which asks for that explicitly.");
        } else {
            selected = selectByMatcher(m_groups, *matcher);
            if (selected.isEmpty())
                m_problem = tr("No group matches.");
        }
        markInvalid(m_matcherEdit, !matcher);
        m_matcherProblem->setText(!matcher ? m_problem : QString());
        m_matcherProblem->setVisible(!m_matcherProblem->text().isEmpty());
    }
    m_preview = m_session ? OperationKeyTable::candidatesFor(selected, m_session->policy(), m_session->now())
                          : QList<PruneCandidate>{};
    m_table->setCandidates(m_preview);
    if (m_mode == Mode::Selection) {
        m_count->setText(tr("%n grouping key(s):", nullptr, int(m_preview.size())));
    } else if (m_problem.isEmpty() || !m_preview.isEmpty()) {
        m_count->setText(tr("%1 of %n group(s) match (as of %2):", nullptr, int(m_groups.size()))
                             .arg(m_preview.size())
                             .arg(QDateTime::fromMSecsSinceEpoch(qint64(m_readAt * 1000)).toString(u"HH:mm:ss"_s)));
    } else {
        m_count->setText(m_matcherProblem->text().isEmpty() ? m_problem : tr("Fix the matcher to see the preview."));
    }
    updateButtons();
    Q_EMIT previewChanged();
}

void DeleteDialog::updateButtons()
{
    const bool running = isRunning();
    const bool finished = hasFinished();
    m_deleteButton->setVisible(!finished && !running);
    m_deleteButton->setEnabled(m_problem.isEmpty() && !m_preview.isEmpty() && !m_reloading && m_session);
    if (m_preview.isEmpty())
        m_deleteButton->setText(m_dryRun->isChecked() ? tr("Dry run") : tr("Delete"));
    else
        m_deleteButton->setText(m_dryRun->isChecked() ? tr("Dry run (%n group(s))", nullptr, int(m_preview.size()))
                                                      : tr("Delete %n group(s)", nullptr, int(m_preview.size())));
    m_deleteButton->setToolTip(m_problem);
    if (finished || running) {
        m_closeButton->setText(tr("Close"));
        m_closeButton->setEnabled(finished);
        m_closeButton->setToolTip(running ? tr("Use \"Stop sending\" to stop the run") : QString());
    }
}

void DeleteDialog::startDelete()
{
    if (!m_problem.isEmpty() || m_preview.isEmpty() || isRunning() || hasFinished() || !m_session || m_reloading)
        return;
    BulkDeleteOptions options = m_options;
    options.dryRun = m_dryRun->isChecked();
    options.action = m_mode == Mode::Selection ? u"delete"_s : u"bulk-delete"_s;
    m_stack->setCurrentWidget(m_runView);
    m_runView->start(m_session, m_preview, options);
    updateButtons();
}

bool DeleteDialog::isRunning() const
{
    return m_runView && m_runView->isRunning();
}

bool DeleteDialog::hasFinished() const
{
    return m_runView && m_runView->hasFinished();
}

const BulkDeleteReport &DeleteDialog::report() const
{
    return m_runView->report();
}

void DeleteDialog::onRunFinished(const BulkDeleteReport &report)
{
    updateButtons();
    m_closeButton->setFocus();
    Q_EMIT deleteFinished(report);
    if (m_closeWhenDone)
        QDialog::reject();
}

void DeleteDialog::keyPressEvent(QKeyEvent *event)
{
    // QDialog clicks its default button on Return: an autoDefault button
    // becomes the default when focused, so the Delete button could start a
    // run from the matcher. Deleting takes a click on Delete (or Space on it).
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void DeleteDialog::reject()
{
    // Closing while DELETEs go out stops sending and closes once every key
    // has an outcome (the audit log and the snapshot stay accurate).
    if (isRunning()) {
        m_closeWhenDone = true;
        m_runView->cancel();
        return;
    }
    if (hasFinished())
        QDialog::accept();
    else
        QDialog::reject();
}

} // namespace PushDeck
