#include "views/fleet/fleetdeletedialog.h"

#include "views/common/actionicons.h"
#include "core/duration.h"
#include "session/gatewaysession.h"
#include "items/groupfilterproxy.h"
#include "views/operations/operationkeytable.h"
#include "views/common/stateicons.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

enum GatewayTableColumn { GwNameColumn, GwGroupsColumn, GwOutcomeColumn, GwColumnCount };

bool matchesWithGateway(const LabelMatcher &matcher, const GroupingKey &key, const QString &gateway)
{
    if (matcher.isEmpty())
        return true;
    LabelPairs labels = key.labels();
    labels.append({GroupFilterProxy::gatewayLabel(), gateway});
    return matcher.matches(labels);
}

QTableWidgetItem *item(const QString &text, const QVariant &sort = {})
{
    auto *it = new QTableWidgetItem(text);
    it->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (sort.isValid())
        it->setData(Qt::UserRole, sort);
    return it;
}

QTableWidget *makeTable(int columns, const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, columns, parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideMiddle);
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    return table;
}

} // namespace

FleetDeleteDialog::FleetDeleteDialog(Mode mode, const QList<FleetTarget> &targets, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_targets(targets)
    , m_now(QDateTime::currentMSecsSinceEpoch() / 1000.0)
{
    // A rule added meanwhile re-judges the preview, as it does the tables.
    for (const FleetTarget &target : std::as_const(m_targets)) {
        if (target.session)
            connect(target.session, &GatewaySession::policyChanged, this, &FleetDeleteDialog::updatePreview);
    }
    setObjectName(u"fleetDeleteDialog"_s);
    setWindowTitle(mode == Mode::Selection ? tr("Delete groups on several gateways")
                   : mode == Mode::Matcher ? tr("Delete matching groups on every gateway")
                                           : tr("Prune stale groups on every gateway"));
    setWindowIcon(ActionIcons::icon(mode == Mode::Prune ? u"prune"_s : u"delete-bulk"_s));

    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(u"fleetDeleteTitle"_s);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::RichText);
    layout->addWidget(m_title);

    // Typing re-previews after a short pause (thousands of groups).
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(150);
    connect(debounce, &QTimer::timeout, this, &FleetDeleteDialog::updatePreview);

    if (mode != Mode::Selection) {
        m_matcherEdit = new QLineEdit(this);
        m_matcherEdit->setObjectName(u"matcherEdit"_s);
        m_matcherEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_matcherEdit->setClearButtonEnabled(true);
        m_matcherEdit->setPlaceholderText(u"{job=~\"batch-.*\", __gateway__=~\"staging.*\"}"_s);
        m_matcherEdit->setToolTip(tr("A selector over the grouping key's labels: = != =~ !~. The pseudo-label "
                                     "__gateway__ is the gateway's name (host:port/prefix) and limits the "
                                     "delete to some gateways."));
        connect(m_matcherEdit, &QLineEdit::textEdited, debounce, qOverload<>(&QTimer::start));
        connect(m_matcherEdit, &QLineEdit::returnPressed, this, &FleetDeleteDialog::updatePreview);
        auto *row = new QHBoxLayout;
        row->addWidget(new QLabel(mode == Mode::Matcher ? tr("Matcher:") : tr("Only keys matching:"), this));
        row->addWidget(m_matcherEdit, 1);
        layout->addLayout(row);
        m_matcherProblem = new QLabel(this);
        m_matcherProblem->setObjectName(u"matcherProblem"_s);
        m_matcherProblem->setWordWrap(true);
        QPalette palette = m_matcherProblem->palette();
        palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
        m_matcherProblem->setPalette(palette);
        m_matcherProblem->hide();
        layout->addWidget(m_matcherProblem);
    }
    if (mode == Mode::Prune) {
        auto *row = new QHBoxLayout;
        row->addWidget(new QLabel(tr("States:"), this));
        for (Staleness state : {Staleness::Stale, Staleness::Failed, Staleness::Warning, Staleness::Unknown}) {
            auto *check = new QCheckBox(StateIcons::label(state), this);
            check->setObjectName(u"state_"_s + stalenessName(state));
            check->setIcon(StateIcons::icon(state));
            check->setProperty("state", int(state));
            check->setChecked(state == Staleness::Stale);
            connect(check, &QCheckBox::toggled, this, &FleetDeleteDialog::updatePreview);
            m_stateChecks.append(check);
            row->addWidget(check);
        }
        row->addSpacing(12);
        row->addWidget(new QLabel(tr("and not pushed for at least"), this));
        m_ageEdit = new QLineEdit(this);
        m_ageEdit->setObjectName(u"ageEdit"_s);
        m_ageEdit->setPlaceholderText(tr("any age (e.g. 7d)"));
        m_ageEdit->setMaximumWidth(140);
        connect(m_ageEdit, &QLineEdit::textEdited, debounce, qOverload<>(&QTimer::start));
        row->addWidget(m_ageEdit);
        row->addStretch(1);
        layout->addLayout(row);
    }

    auto *explain = new QLabel(tr("Exactly these grouping keys are deleted, each on the gateway named in its row: the "
                                  "same key on another gateway, or a group with more or fewer labels, is not touched. "
                                  "Every gateway gets its own undo snapshot before its first request; Undo on its "
                                  "tab pushes it back."),
                               this);
    explain->setWordWrap(true);
    QFont small = explain->font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    explain->setFont(small);
    layout->addWidget(explain);

    m_count = new QLabel(this);
    m_count->setObjectName(u"previewCount"_s);
    m_count->setWordWrap(true);
    layout->addWidget(m_count);

    m_table = makeTable(ColumnCount, {tr("Gateway"), tr("Grouping key"), tr("Age"), tr("State"), tr("Outcome"), tr("Detail")},
                        this);
    m_table->setObjectName(u"fleetPreviewTable"_s);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(GatewayColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(KeyColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(AgeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(OutcomeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DetailColumn, QHeaderView::Interactive);
    m_table->setColumnHidden(OutcomeColumn, true);
    m_table->setColumnHidden(DetailColumn, true);

    m_gatewayTable = makeTable(GwColumnCount, {tr("Gateway"), tr("Groups"), tr("Outcome")}, this);
    m_gatewayTable->setObjectName(u"fleetGatewayTable"_s);
    m_gatewayTable->horizontalHeader()->setSectionResizeMode(GwNameColumn, QHeaderView::ResizeToContents);
    m_gatewayTable->horizontalHeader()->setSectionResizeMode(GwGroupsColumn, QHeaderView::ResizeToContents);
    m_gatewayTable->horizontalHeader()->setStretchLastSection(true);
    m_gatewayTable->setRowCount(int(m_targets.size()));
    for (int i = 0; i < m_targets.size(); ++i)
        m_gatewayTable->setItem(i, GwNameColumn, item(m_targets.at(i).name));

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_gatewayTable);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(u"fleetDeleteStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    layout->addWidget(m_status);
    auto *progressRow = new QHBoxLayout;
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(u"fleetDeleteProgress"_s);
    m_bar->hide();
    m_stopButton = new QPushButton(style()->standardIcon(QStyle::SP_BrowserStop), tr("Stop sending"), this);
    m_stopButton->setObjectName(u"fleetDeleteStop"_s);
    m_stopButton->setToolTip(tr("Stop sending on every gateway. Requests already sent finish, then each gateway is "
                                "re-read so every key gets an accurate outcome."));
    m_stopButton->hide();
    connect(m_stopButton, &QPushButton::clicked, this, &FleetDeleteDialog::cancel);
    progressRow->addWidget(m_bar, 1);
    progressRow->addWidget(m_stopButton);
    layout->addLayout(progressRow);

    m_dryRun = new QCheckBox(tr("Dry run: show what would be deleted and send nothing"), this);
    m_dryRun->setObjectName(u"dryRunCheck"_s);
    connect(m_dryRun, &QCheckBox::toggled, this, &FleetDeleteDialog::updateButtons);
    layout->addWidget(m_dryRun);

    auto *buttons = new QDialogButtonBox(this);
    m_deleteButton = buttons->addButton(tr("Delete"), QDialogButtonBox::AcceptRole);
    m_deleteButton->setObjectName(u"deleteButton"_s);
    m_deleteButton->setIcon(ActionIcons::icon(u"delete"_s));
    m_deleteButton->setAutoDefault(false); // Return in the matcher field must not delete
    m_deleteButton->setDefault(false);
    m_closeButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_closeButton->setObjectName(u"closeButton"_s);
    connect(m_deleteButton, &QPushButton::clicked, this, &FleetDeleteDialog::startDelete);
    connect(m_closeButton, &QPushButton::clicked, this, &FleetDeleteDialog::reject);
    layout->addWidget(buttons);
    resize(860, 560);

    updatePreview();
    if (m_matcherEdit)
        m_matcherEdit->setFocus();
    else
        m_closeButton->setFocus();
}

// A run goes on without the dialog: its deleters are the sessions'.
FleetDeleteDialog::~FleetDeleteDialog() = default;

void FleetDeleteDialog::setMatcherText(const QString &text)
{
    if (!m_matcherEdit)
        return;
    m_matcherEdit->setText(text);
    updatePreview();
}

void FleetDeleteDialog::setPruneCriteria(const QSet<Staleness> &states, double minAgeSeconds)
{
    if (m_mode != Mode::Prune)
        return;
    for (QCheckBox *check : std::as_const(m_stateChecks)) {
        const QSignalBlocker blocker(check);
        check->setChecked(states.contains(Staleness(check->property("state").toInt())));
    }
    m_ageEdit->setText(minAgeSeconds > 0 ? formatDuration(minAgeSeconds) : QString());
    updatePreview();
}

QList<Group> FleetDeleteDialog::previewFor(int target) const
{
    QList<Group> groups;
    for (const PreviewRow &row : m_preview) {
        if (row.target == target)
            groups.append(row.candidate.group);
    }
    return groups;
}

void FleetDeleteDialog::updatePreview()
{
    if (isRunning() || hasFinished())
        return;
    m_problem.clear();
    m_preview.clear();

    LabelMatcher matcher;
    bool matcherOk = true;
    if (m_matcherEdit) {
        auto parsed = LabelMatcher::parse(m_matcherEdit->text().trimmed());
        matcherOk = parsed.ok();
        if (!parsed)
            m_problem = parsed.errorString();
        else
            matcher = *parsed;
        m_matcherProblem->setText(matcherOk ? QString() : m_problem);
        m_matcherProblem->setVisible(!matcherOk);
    }
    PruneCriteria criteria;
    if (m_mode == Mode::Prune && m_problem.isEmpty()) {
        for (QCheckBox *check : std::as_const(m_stateChecks)) {
            if (check->isChecked())
                criteria.states.insert(Staleness(check->property("state").toInt()));
        }
        const QString ageText = m_ageEdit->text().trimmed();
        if (!ageText.isEmpty()) {
            const auto age = parseDuration(ageText);
            if (!age)
                m_problem = tr("Age: %1").arg(age.errorString());
            else
                criteria.minAgeSeconds = *age;
        }
        if (m_problem.isEmpty() && criteria.states.isEmpty() && criteria.minAgeSeconds <= 0)
            m_problem = tr("Choose at least one state or an age: without either, every group would be pruned.");
    }
    if (m_mode == Mode::Matcher && m_problem.isEmpty() && matcher.isEmpty())
        m_problem = tr("Type a matcher. An empty matcher would select every group on every gateway.");

    if (m_problem.isEmpty()) {
        for (int t = 0; t < m_targets.size(); ++t) {
            const FleetTarget &target = m_targets.at(t);
            if (!target.session)
                continue;
            const StalenessPolicy &policy = target.session->policy();
            const double now = target.session->now();
            QList<PruneCandidate> candidates;
            switch (m_mode) {
            case Mode::Selection:
                candidates = OperationKeyTable::candidatesFor(target.groups, policy, now);
                break;
            case Mode::Matcher: {
                QList<Group> selected;
                for (const Group &group : target.groups) {
                    if (matchesWithGateway(matcher, group.key, target.name))
                        selected.append(group);
                }
                std::sort(selected.begin(), selected.end(), [](const Group &a, const Group &b) { return a.key < b.key; });
                candidates = OperationKeyTable::candidatesFor(selected, policy, now);
                break;
            }
            case Mode::Prune:
                // Judged by this gateway's own rules; the selector (with
                // __gateway__) on top.
                for (PruneCandidate &candidate : selectForPrune(target.groups, policy, criteria, now)) {
                    if (matchesWithGateway(matcher, candidate.key(), target.name))
                        candidates.append(std::move(candidate));
                }
                break;
            }
            for (PruneCandidate &candidate : candidates)
                m_preview.append({t, std::move(candidate)});
        }
        if (m_preview.isEmpty())
            m_problem = m_mode == Mode::Selection ? tr("No group is selected.") : tr("No group matches on any gateway.");
    }
    fillTable();

    // Counts per gateway, in the summary line and the gateway table.
    QHash<int, int> perGateway;
    for (const PreviewRow &row : std::as_const(m_preview))
        ++perGateway[row.target];
    QStringList parts;
    int total = 0;
    for (int t = 0; t < m_targets.size(); ++t) {
        const int n = perGateway.value(t);
        total += m_targets.at(t).groups.size();
        if (n > 0)
            parts << tr("%1: %2").arg(m_targets.at(t).name).arg(n);
        m_gatewayTable->setItem(t, GwGroupsColumn, item(QString::number(n), n));
        m_gatewayTable->setItem(t, GwOutcomeColumn, item(n > 0 ? tr("to delete") : tr("nothing to delete")));
    }
    const int gateways = int(perGateway.size());
    if (!m_preview.isEmpty()) {
        QString text = tr("%n group(s) on %1 gateway(s)", nullptr, int(m_preview.size())).arg(gateways);
        if (m_mode != Mode::Selection)
            text += tr(" (of %1 groups, as of %2)")
                        .arg(total)
                        .arg(QDateTime::fromMSecsSinceEpoch(qint64(m_now * 1000)).toString(u"HH:mm:ss"_s));
        m_count->setText(text + u" — "_s + parts.join(u", "_s));
    } else {
        m_count->setText(m_problem);
    }
    const QString where = tr("%n gateway(s)", nullptr, int(m_targets.size()));
    m_title->setText(m_mode == Mode::Selection
                         ? tr("Delete these %n group(s), each on its own gateway?", nullptr, int(m_preview.size()))
                     : m_mode == Mode::Matcher
                         ? tr("Delete every group whose grouping key matches, on <b>%1</b>:").arg(where)
                         : tr("Delete the groups in these states (and at least this old), on <b>%1</b>:").arg(where));
    updateButtons();
    Q_EMIT previewChanged();
}

void FleetDeleteDialog::fillTable()
{
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(m_preview.size()));
    for (int row = 0; row < m_preview.size(); ++row) {
        const PreviewRow &p = m_preview.at(row);
        const FleetTarget &target = m_targets.at(p.target);
        auto *gateway = item(target.name);
        gateway->setToolTip(target.session ? target.session->url().toDisplayString(QUrl::RemoveUserInfo) : target.name);
        gateway->setData(Qt::UserRole + 1, row); // the preview index, kept through sorting
        m_table->setItem(row, GatewayColumn, gateway);
        auto *key = item(p.candidate.key().toString());
        key->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_table->setItem(row, KeyColumn, key);
        const double age = p.candidate.ageSeconds;
        auto *ageItem = item(std::isfinite(age) ? formatAge(age) : tr("never"), age);
        ageItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, AgeColumn, ageItem);
        auto *state = item(StateIcons::label(p.candidate.verdict.state), int(p.candidate.verdict.state));
        state->setIcon(StateIcons::icon(p.candidate.verdict.state));
        m_table->setItem(row, StateColumn, state);
        m_table->setItem(row, OutcomeColumn, item(QString()));
        m_table->setItem(row, DetailColumn, item(QString()));
    }
}

QStringList FleetDeleteDialog::previewTexts() const
{
    QStringList out;
    for (int row = 0; row < m_table->rowCount(); ++row)
        out << m_table->item(row, GatewayColumn)->text() + u'|' + m_table->item(row, KeyColumn)->text();
    return out;
}

void FleetDeleteDialog::updateButtons()
{
    const bool running = isRunning();
    const bool finished = hasFinished();
    m_deleteButton->setVisible(!running && !finished);
    m_deleteButton->setEnabled(m_problem.isEmpty() && !m_preview.isEmpty());
    QSet<int> gateways;
    for (const PreviewRow &row : std::as_const(m_preview))
        gateways.insert(row.target);
    const int n = int(m_preview.size());
    if (n == 0)
        m_deleteButton->setText(m_dryRun->isChecked() ? tr("Dry run") : tr("Delete"));
    else if (m_dryRun->isChecked())
        m_deleteButton->setText(tr("Dry run (%n group(s))", nullptr, n));
    else
        m_deleteButton->setText(tr("Delete %n group(s) on %1 gateway(s)", nullptr, n).arg(gateways.size()));
    m_deleteButton->setToolTip(m_problem);
    m_dryRun->setEnabled(!running && !finished);
    if (m_matcherEdit)
        m_matcherEdit->setReadOnly(running || finished);
    if (running || finished) {
        m_closeButton->setText(tr("Close"));
        m_closeButton->setEnabled(finished);
        m_closeButton->setToolTip(running ? tr("Use \"Stop sending\" to stop the run") : QString());
    }
}

void FleetDeleteDialog::startDelete()
{
    if (!m_problem.isEmpty() || m_preview.isEmpty() || isRunning() || hasFinished())
        return;
    BulkDeleteOptions options = m_options;
    options.dryRun = m_dryRun->isChecked();
    options.action = m_mode == Mode::Selection ? u"delete"_s : m_mode == Mode::Matcher ? u"bulk-delete"_s : u"prune"_s;

    QList<FleetDelete::Part> parts;
    for (int t = 0; t < m_targets.size(); ++t) {
        parts.append({m_targets.at(t).session, previewFor(t)});
        if (!parts.last().groups.isEmpty())
            m_gatewayTable->setItem(t, GwOutcomeColumn, item(options.dryRun ? tr("dry run") : tr("deleting…")));
    }
    auto *run = new FleetDelete(parts, options, this);
    m_run = run;
    connect(run, &FleetDelete::progress, this, [this](int done, int) {
        m_bar->setValue(std::min(done, m_bar->maximum()));
        m_bar->setFormat(tr("%v of %m answered"));
    });
    connect(run, &FleetDelete::partVerifying, this, [this](int t) {
        if (auto *it = m_gatewayTable->item(t, GwOutcomeColumn))
            it->setText(tr("verifying…"));
    });
    connect(run, &FleetDelete::partFinished, this, &FleetDeleteDialog::onGatewayFinished);
    connect(run, &FleetDelete::finished, this, &FleetDeleteDialog::showOutcomes);
    m_bar->setRange(0, std::max(1, int(m_preview.size())));
    m_bar->setValue(0);
    m_bar->show();
    m_stopButton->setVisible(!options.dryRun);
    m_stopButton->setEnabled(!options.dryRun);
    int gateways = 0;
    for (const FleetDelete::Part &part : std::as_const(parts))
        gateways += part.session && !part.groups.isEmpty() ? 1 : 0;
    m_status->setText(options.dryRun ? tr("Dry run: nothing is sent.")
                                     : tr("Deleting on %n gateway(s) at the same time…", nullptr, gateways));
    m_status->show();
    run->start();
    updateButtons();
}

void FleetDeleteDialog::cancel()
{
    if (m_run)
        m_run->cancel();
    m_stopButton->setEnabled(false);
    m_status->setText(tr("Stopping: requests already sent finish, then every gateway is re-read…"));
}

void FleetDeleteDialog::onGatewayFinished(int target, const BulkDeleteReport &report)
{
    m_reports.insert(target, report);
    QStringList text{report.summary()};
    if (!report.error.isEmpty())
        text << report.error;
    auto *outcome = item(text.join(u" — "_s));
    const bool problems = !report.dryRun && !report.allDeleted();
    if (problems)
        outcome->setForeground(QColor(0xc0, 0x1c, 0x28));
    if (!report.snapshotPath.isEmpty())
        outcome->setToolTip(tr("Undo snapshot: %1").arg(report.snapshotPath));
    m_gatewayTable->setItem(target, GwOutcomeColumn, outcome);
}

void FleetDeleteDialog::showOutcomes()
{
    m_finished = true;
    m_stopButton->hide();
    // Per key: matched by gateway and key.
    QHash<int, QHash<GroupingKey, KeyDeleteReport>> byTarget;
    bool problems = false;
    bool dryRun = false;
    bool cancelled = false;
    int sent = 0;
    for (auto it = m_reports.cbegin(); it != m_reports.cend(); ++it) {
        dryRun |= it->dryRun;
        cancelled |= it->cancelled;
        problems |= !it->dryRun && !it->allDeleted();
        for (const KeyDeleteReport &key : it->keys) {
            byTarget[it.key()].insert(key.key, key);
            sent += key.sent ? 1 : 0;
        }
    }
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const int index = m_table->item(row, GatewayColumn)->data(Qt::UserRole + 1).toInt();
        const PreviewRow &p = m_preview.at(index);
        const auto keyReport = byTarget.value(p.target).constFind(p.candidate.key());
        if (keyReport == byTarget.value(p.target).cend())
            continue;
        m_table->item(row, OutcomeColumn)->setText(OperationKeyTable::outcomeLabel(keyReport->outcome));
        m_table->item(row, DetailColumn)->setText(keyReport->error);
        m_table->item(row, DetailColumn)->setToolTip(keyReport->error);
    }
    m_table->setColumnHidden(OutcomeColumn, false);
    m_table->setColumnHidden(DetailColumn, false);
    m_bar->setValue(std::min(sent, m_bar->maximum()));
    m_bar->setFormat(dryRun ? tr("nothing sent (dry run)") : tr("%1 of %2 sent, verified").arg(sent).arg(m_preview.size()));
    QString status = dryRun ? tr("Dry run finished: nothing was sent. These groups would be deleted.")
                     : cancelled ? tr("Stopped. Every key below has been checked against its gateway.")
                     : problems  ? tr("Finished with problems: see each gateway and each key below.")
                                 : tr("Finished: every group was deleted and verified gone on its gateway.");
    status += u"\n"_s + summaryText();
    m_status->setText(status);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, problems ? QColor(0xc0, 0x1c, 0x28) : this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
    updateButtons();
    m_closeButton->setFocus();
    Q_EMIT deleteFinished(m_reports);
    if (m_closeWhenDone)
        QDialog::reject();
}

QString FleetDeleteDialog::summaryText() const
{
    QStringList lines;
    for (int t = 0; t < m_targets.size(); ++t) {
        if (!m_reports.contains(t))
            continue;
        const BulkDeleteReport &report = m_reports[t];
        lines << m_targets.at(t).name + u": "_s + report.summary() + (report.error.isEmpty() ? QString() : u" ("_s + report.error + u')');
    }
    return lines.join(u'\n');
}

void FleetDeleteDialog::reject()
{
    if (isRunning()) {
        m_closeWhenDone = true;
        cancel();
        return;
    }
    if (hasFinished())
        QDialog::accept();
    else
        QDialog::reject();
}

} // namespace PushDeck
