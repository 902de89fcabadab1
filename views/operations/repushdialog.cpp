#include "views/operations/repushdialog.h"

#include "views/common/actionicons.h"
#include "views/common/expositionedit.h"
#include "gateway/gatewayclient.h"
#include "views/common/groupkeyedit.h"
#include "format/exposition.h"
#include "format/textdiff.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTextBlock>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

QColor problemColour()
{
    return QColor(0xc0, 0x1c, 0x28);
}

QLabel *wrapLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

// +/- lines of a unified diff tinted green/red, hunk headers blue: readable
// on light and dark palettes.
QList<QTextEdit::ExtraSelection> diffColours(QPlainTextEdit *view)
{
    QList<QTextEdit::ExtraSelection> out;
    const bool light = view->palette().color(QPalette::Base).lightness() > 128;
    const int alpha = light ? 50 : 100;
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next()) {
        const QString text = block.text();
        QColor tint;
        if (text.startsWith(u"+++"_s) || text.startsWith(u"---"_s))
            continue;
        if (text.startsWith(u'+'))
            tint = QColor(0x2e, 0xa0, 0x43);
        else if (text.startsWith(u'-'))
            tint = problemColour();
        else if (text.startsWith(u"@@"_s))
            tint = QColor(0x1c, 0x71, 0xd8);
        else
            continue;
        tint.setAlpha(alpha);
        QTextEdit::ExtraSelection selection;
        selection.format.setBackground(tint);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selection.cursor = QTextCursor(block);
        out.append(selection);
    }
    return out;
}

} // namespace

RePushDialog::RePushDialog(GroupOperations *ops, const QUrl &gatewayUrl, const Group &group, const QList<Group> &groups,
                           QWidget *parent)
    : QDialog(parent)
    , m_ops(ops)
    , m_gatewayUrl(gatewayUrl)
    , m_group(group)
    , m_currentText(groupExposition(group))
{
    setObjectName(u"rePushDialog"_s);
    setWindowTitle(tr("Re-push %1").arg(group.key.toString()));
    setWindowIcon(ActionIcons::icon(u"repush"_s));
    for (const Group &g : groups)
        m_existing.append(g.key);

    m_header = new QLabel(this);
    m_header->setObjectName(u"rePushHeader"_s);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    int series = 0;
    for (const auto &family : group.families)
        series += int(family.series.size());
    const QString pushed = group.pushTime > 0
        ? QDateTime::fromMSecsSinceEpoch(qint64(group.pushTime * 1000)).toString(u"yyyy-MM-dd HH:mm:ss"_s)
        : tr("never");
    m_header->setText(tr("<b><code>%1</code></b><br>last successful push %2 · %n family(ies)", nullptr,
                         int(group.families.size()))
                          .arg(group.key.toString().toHtmlEscaped(), pushed)
                      + tr(", %n series", nullptr, series));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"rePushTabs"_s);
    m_tabs->addTab(buildTouchTab(), tr("Touch"));
    m_tabs->addTab(buildMoveTab(gatewayUrl), tr("Move to another key"));
    m_tabs->addTab(buildEditTab(), tr("Edit and push"));
    m_tabs->addTab(buildCopyTab(), tr("Copy to another gateway"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        // The last result belongs to the tab it came from.
        if (!m_groupGone)
            m_result->hide();
        updateState();
    });

    m_result = new QLabel(this);
    m_result->setObjectName(u"rePushResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_runButton = buttons->addButton(tr("Touch"), QDialogButtonBox::AcceptRole);
    m_runButton->setObjectName(u"runButton"_s);
    m_runButton->setAutoDefault(false);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(u"closeButton"_s);
    m_closeButton->setAutoDefault(false);
    connect(m_runButton, &QPushButton::clicked, this, &RePushDialog::run);
    connect(m_closeButton, &QPushButton::clicked, this, &RePushDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(800, 560);
    updateState();
    updateDiff();
}

RePushDialog::~RePushDialog() = default;

QWidget *RePushDialog::buildTouchTab()
{
    auto *tab = new QWidget(this);
    auto *icon = new QLabel(tab);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    auto *text = wrapLabel(
        tr("<p>Touch sends an empty POST: only the group's push time (<code>push_time_seconds</code>) changes.</p>"
           "<p><b>Warning:</b> this makes stale data look fresh. Every dashboard and alert that watches the push "
           "time will believe the job just ran, while the values are as old as they were. Touch only when you "
           "know the data is still right — for example after a planned pause of the job.</p>"),
        tab);
    text->setObjectName(u"touchWarning"_s);
    text->setTextFormat(Qt::RichText);
    auto *row = new QHBoxLayout;
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addWidget(text, 1);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(row);
    layout->addStretch(1);
    return tab;
}

QWidget *RePushDialog::buildMoveTab(const QUrl &gatewayUrl)
{
    auto *tab = new QWidget(this);
    m_moveKey = new GroupKeyEdit(tab);
    m_moveKey->setObjectName(u"moveKeyEdit"_s);
    m_moveKey->setBaseUrl(gatewayUrl);
    // The source itself is about to go: it neither "exists" as a target nor
    // collides with one.
    QList<GroupingKey> others = m_existing;
    others.removeAll(m_group.key);
    m_moveKey->setExistingKeys(others);
    m_moveKey->setKey(m_group.key);
    connect(m_moveKey, &GroupKeyEdit::keyChanged, this, &RePushDialog::updateState);
    m_moveOverwrite = new QCheckBox(tr("Replace the target group if it exists (its content is saved for undo)"), tab);
    m_moveOverwrite->setObjectName(u"moveOverwriteCheck"_s);
    connect(m_moveOverwrite, &QCheckBox::toggled, this, &RePushDialog::updateState);
    auto *form = new QFormLayout;
    form->addRow(tr("New grouping key:"), m_moveKey);
    form->addRow(QString(), m_moveOverwrite);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(wrapLabel(tr("The group's families are pushed to the new key (the key labels replaced), read "
                                   "back and compared; only when they match is the old group deleted and checked "
                                   "gone. If anything fails, nothing is deleted. The moved group's push time is the "
                                   "time of the move."),
                                tab));
    layout->addLayout(form);
    layout->addStretch(1);
    return tab;
}

QWidget *RePushDialog::buildEditTab()
{
    auto *tab = new QWidget(this);
    m_editor = new ExpositionEdit(tab);
    m_editor->setObjectName(u"editTextEdit"_s);
    m_editor->setKey(m_group.key);
    m_editor->setText(m_currentText);
    connect(m_editor, &ExpositionEdit::validated, this, [this] {
        updateDiff();
        updateState();
    });
    m_diff = new QPlainTextEdit(tab);
    m_diff->setObjectName(u"diffView"_s);
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *left = new QWidget(tab);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("New content (without the key labels):"), left));
    leftLayout->addWidget(m_editor, 1);
    auto *right = new QWidget(tab);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("Changes against the current content:"), right));
    rightLayout->addWidget(m_diff, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, tab);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setChildrenCollapsible(false);

    m_editReplace = new QRadioButton(tr("Replace the group (PUT)"), tab);
    m_editReplace->setObjectName(u"editReplaceButton"_s);
    m_editMerge = new QRadioButton(tr("Merge (POST: only the families in the text)"), tab);
    m_editMerge->setObjectName(u"editMergeButton"_s);
    m_editReplace->setChecked(true);
    auto *methodGroup = new QButtonGroup(tab);
    methodGroup->addButton(m_editReplace);
    methodGroup->addButton(m_editMerge);
    auto *methodRow = new QHBoxLayout;
    methodRow->addWidget(m_editReplace);
    methodRow->addWidget(m_editMerge);
    methodRow->addStretch(1);

    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(splitter, 1);
    layout->addLayout(methodRow);
    return tab;
}

QWidget *RePushDialog::buildCopyTab()
{
    auto *tab = new QWidget(this);
    m_copyUrl = new QLineEdit(tab);
    m_copyUrl->setObjectName(u"copyUrlEdit"_s);
    m_copyUrl->setPlaceholderText(u"http://other-gateway:9091"_s);
    m_copyUrlStatus = wrapLabel(QString(), tab);
    m_copyUrlStatus->setObjectName(u"copyUrlStatus"_s);
    QFont small = m_copyUrlStatus->font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    m_copyUrlStatus->setFont(small);
    connect(m_copyUrl, &QLineEdit::textChanged, this, &RePushDialog::updateState);
    m_copyKey = new GroupKeyEdit(tab);
    m_copyKey->setObjectName(u"copyKeyEdit"_s);
    m_copyKey->setKey(m_group.key);
    connect(m_copyKey, &GroupKeyEdit::keyChanged, this, &RePushDialog::updateState);
    m_copyOverwrite = new QCheckBox(tr("Replace the group on the target if it exists"), tab);
    m_copyOverwrite->setObjectName(u"copyOverwriteCheck"_s);
    auto *urlBox = new QWidget(tab);
    auto *urlLayout = new QVBoxLayout(urlBox);
    urlLayout->setContentsMargins(0, 0, 0, 0);
    urlLayout->setSpacing(2);
    urlLayout->addWidget(m_copyUrl);
    urlLayout->addWidget(m_copyUrlStatus);
    auto *form = new QFormLayout;
    form->addRow(tr("Target gateway:"), urlBox);
    form->addRow(tr("Key on the target:"), m_copyKey);
    form->addRow(QString(), m_copyOverwrite);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(wrapLabel(tr("The group's families are pushed to the other gateway and read back there. This "
                                   "gateway is not changed."),
                                tab));
    layout->addLayout(form);
    layout->addStretch(1);
    return tab;
}

void RePushDialog::setMode(Mode mode)
{
    m_tabs->setCurrentIndex(int(mode));
}

RePushDialog::Mode RePushDialog::mode() const
{
    return Mode(m_tabs->currentIndex());
}

Result<QUrl> RePushDialog::copyTarget() const
{
    auto url = GatewayClient::normalizeUrl(m_copyUrl->text());
    if (!url)
        return url;
    auto key = m_copyKey->key();
    const QUrl here = m_gatewayUrl.adjusted(QUrl::StripTrailingSlash);
    if (url->adjusted(QUrl::StripTrailingSlash) == here && key && *key == m_group.key)
        return Error::make(Error::Invalid, tr("That is this gateway and this key: the group itself. Use \"Move\" for "
                                              "another key on this gateway."));
    return url;
}

void RePushDialog::updateState()
{
    QString action;
    bool enabled = !m_running && !m_groupGone && m_ops;
    switch (mode()) {
    case Mode::Touch:
        action = tr("Touch");
        m_runButton->setIcon(ActionIcons::icon(u"repush"_s));
        break;
    case Mode::Move: {
        action = tr("Move");
        m_runButton->setIcon(ActionIcons::icon(u"repush"_s));
        const auto to = m_moveKey->key();
        enabled = enabled && to && *to != m_group.key && !m_moveKey->collision()
            && (!m_moveKey->exists() || m_moveOverwrite->isChecked());
        m_runButton->setToolTip(!to                        ? to.errorString()
                                : *to == m_group.key       ? tr("Type the new key")
                                : m_moveKey->exists() && !m_moveOverwrite->isChecked()
                                    ? tr("The target exists: allow replacing it to move onto it")
                                    : QString());
        break;
    }
    case Mode::Edit: {
        action = tr("Push");
        m_runButton->setIcon(ActionIcons::icon(u"push"_s));
        const auto &v = m_editor->validation();
        enabled = enabled && (m_editor->isPending() || (v.ok() && !v->isEmpty()));
        m_runButton->setToolTip(v.ok() ? QString() : v.errorString());
        break;
    }
    case Mode::Copy: {
        action = tr("Copy");
        m_runButton->setIcon(ActionIcons::icon(u"push"_s));
        const auto target = copyTarget();
        const auto key = m_copyKey->key();
        QString status;
        QPalette p = palette();
        if (m_copyUrl->text().trimmed().isEmpty()) {
            status = tr("The URL of the gateway to copy to.");
            p.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
        } else if (!target) {
            status = target.errorString();
            p.setColor(QPalette::WindowText, problemColour());
        } else {
            m_copyKey->setBaseUrl(*target);
            status = tr("Copies to %1").arg(target->toDisplayString());
            p.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
        }
        m_copyUrlStatus->setPalette(p);
        m_copyUrlStatus->setText(status);
        enabled = enabled && target && key;
        m_runButton->setToolTip(!target ? target.errorString() : key ? QString() : key.errorString());
        break;
    }
    }
    if (mode() != Mode::Move && mode() != Mode::Edit && mode() != Mode::Copy)
        m_runButton->setToolTip(QString());
    m_runButton->setText(action);
    m_runButton->setEnabled(enabled);
    m_closeButton->setEnabled(!m_running);
    m_tabs->setEnabled(!m_running);
}

void RePushDialog::updateDiff()
{
    if (!m_diff)
        return;
    const QByteArray oldText = m_currentText;
    const QByteArray newText = m_editor->text();
    const quint64 generation = ++m_diffGeneration;
    // The diff of big texts takes a while: off the UI thread.
    QtConcurrent::run([oldText, newText] { return unifiedDiff(oldText, newText); })
        .then(this, [this, generation](const QString &diff) {
            if (generation != m_diffGeneration)
                return;
            m_diff->setPlainText(diff.isEmpty() ? tr("No changes.") : diff);
            m_diff->setExtraSelections(diffColours(m_diff));
        });
}

void RePushDialog::run()
{
    if (m_running || m_groupGone || !m_ops || !m_runButton->isEnabled())
        return;
    const Mode current = mode();
    QFuture<Result<OperationResult>> future;
    QString action;
    switch (current) {
    case Mode::Touch:
        action = u"touch"_s;
        future = m_ops->touch(m_group.key);
        break;
    case Mode::Move: {
        const auto to = m_moveKey->key();
        if (!to)
            return;
        action = u"move"_s;
        future = m_ops->move(m_group.key, *to, m_moveOverwrite->isChecked());
        break;
    }
    case Mode::Edit: {
        const auto &validation = m_editor->validateNow();
        if (!validation) {
            showResult(false, tr("Not sent: %1").arg(validation.errorString()));
            m_editor->goToError();
            return;
        }
        action = u"edit"_s;
        future = m_ops->editAndPush(m_group.key, m_editor->text(), m_editReplace->isChecked());
        break;
    }
    case Mode::Copy: {
        const auto target = copyTarget();
        const auto key = m_copyKey->key();
        if (!target || !key)
            return;
        action = u"copy"_s;
        // Without this gateway's credentials: they are never sent to another one.
        future = m_ops->copyToGateway(m_group.key, *target, ClientOptions{}, *key, m_copyOverwrite->isChecked());
        break;
    }
    }
    m_running = true;
    m_result->setPalette(palette());
    m_result->setText(tr("Working: sending, then reading back to verify…"));
    m_result->show();
    updateState();
    future.then(this, [this, action](const Result<OperationResult> &result) { finishRun(action, result); });
}

void RePushDialog::finishRun(const QString &action, const Result<OperationResult> &result)
{
    m_running = false;
    if (!result) {
        const Error &error = result.error();
        QString text = error.kind == Error::Http
            ? tr("Rejected by the gateway, nothing was changed:\n%1").arg(error.message)
            : tr("Failed: %1").arg(error.message);
        if (action == u"move"_s)
            text += u"\n"_s + tr("The original group %1 was not deleted.").arg(m_group.key.toString());
        showResult(false, text);
        if (action == u"edit"_s && error.kind == Error::Parse)
            m_editor->goToError();
    } else {
        QString text = result->message;
        if (!result->verified && action != u"touch"_s)
            text += u"\n"_s + tr("Note: the read-back differs from what was sent (see above).");
        if (!result->snapshotPath.isEmpty())
            text += u"\n"_s + tr("Undo snapshot: %1").arg(result->snapshotPath);
        showResult(true, text);
        if (action == u"move"_s) {
            m_groupGone = true;
        } else if (action != u"copy"_s && result->after.key == m_group.key) {
            // The group changed: diffs and the next push start from it.
            m_group = result->after;
            m_currentText = groupExposition(m_group);
            updateDiff();
        }
    }
    updateState();
    Q_EMIT operationFinished(m_lastOk, m_result->text());
}

void RePushDialog::showResult(bool ok, const QString &text)
{
    m_lastOk = ok;
    QPalette p = palette();
    if (!ok)
        p.setColor(QPalette::WindowText, problemColour());
    m_result->setPalette(p);
    m_result->setText(text);
    m_result->show();
}

QString RePushDialog::resultText() const
{
    return m_result->isHidden() ? QString() : m_result->text();
}

void RePushDialog::reject()
{
    if (m_running)
        return;
    QDialog::reject();
}

} // namespace PushDeck
