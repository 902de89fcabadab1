#include "views/staleness/rulesdialog.h"

#include "core/duration.h"
#include "staleness/stalenessrules.h"
#include "views/common/tones.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QGuiApplication>
#include <QScreen>
#include <QScrollArea>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// The problem with one cell's text, empty when it is fine.
QString cellProblem(int column, const QString &text)
{
    if (column == RulesDialog::MatcherColumn) {
        auto matcher = LabelMatcher::parse(text);
        return matcher ? QString() : matcher.errorString();
    }
    if (column == RulesDialog::WarnColumn || column == RulesDialog::StaleColumn) {
        auto seconds = parseDuration(text);
        if (!seconds)
            return seconds.errorString();
        if (column == RulesDialog::StaleColumn && *seconds <= 0)
            return RulesDialog::tr("must be longer than 0s");
        return {};
    }
    return {};
}

QColor problemTint(const QPalette &palette)
{
    // Readable on light and dark palettes alike.
    QColor tint(0xd6, 0x2b, 0x2b);
    tint.setAlpha(palette.color(QPalette::Base).lightness() > 128 ? 55 : 110);
    return tint;
}

// Checks matcher and duration cells while they are typed, not only when the
// edit is committed: the editor turns red and its tooltip says why.
class RuleCellDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        auto *line = qobject_cast<QLineEdit *>(editor);
        if (!line || index.column() == RulesDialog::NameColumn)
            return editor;
        line->setObjectName(u"ruleCellEditor"_s);
        const int column = index.column();
        const auto check = [line, column] {
            const QString problem = cellProblem(column, line->text());
            QPalette palette = line->parentWidget() ? line->parentWidget()->palette() : line->palette();
            if (!problem.isEmpty()) {
                QColor base = palette.color(QPalette::Base);
                const QColor tint = problemTint(palette);
                const double a = tint.alphaF();
                base.setRgbF(base.redF() * (1 - a) + tint.redF() * a, base.greenF() * (1 - a) + tint.greenF() * a,
                             base.blueF() * (1 - a) + tint.blueF() * a);
                palette.setColor(QPalette::Base, base);
            }
            line->setPalette(palette);
            line->setToolTip(problem);
            line->setProperty("problem", problem);
        };
        QObject::connect(line, &QLineEdit::textChanged, line, check);
        return editor;
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        QStyledItemDelegate::setEditorData(editor, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor))
            Q_EMIT line->textChanged(line->text()); // colour it right away
    }
};

} // namespace

RulesDialog::RulesDialog(const StalenessPolicy &policy, QWidget *parent)
    : QDialog(parent)
    , m_applied(policy)
{
    setWindowTitle(tr("Staleness rules"));
    setObjectName(u"rulesDialog"_s);

    // Everything but the buttons scrolls: at a scale of 2 on 1920×1080 the
    // dialog must fit 960×540 and still show OK and Cancel.
    auto *outer = new QVBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"rulesScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *body = new QWidget(scroll);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *intro = new QLabel(tr("Each group is judged by the <b>first</b> rule whose selector matches its grouping key. "
                                "Groups no rule matches are judged by their learned push cadence, once enough pushes "
                                "were seen, and otherwise by the default."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(u"rulesTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Selector"), tr("Warning after"), tr("Stale after"), tr("Gateway"), tr("Groups")});
    m_table->horizontalHeaderItem(GatewayColumn)->setToolTip(tr("Only on this gateway: its name (host:port, as on its tab) or "
                                                                "base URL. Empty: every gateway."));
    m_table->setColumnWidth(GatewayColumn, 130);
    m_table->horizontalHeaderItem(MatcherColumn)->setToolTip(tr("A label selector, e.g. {job=\"nightly-backup\"} or {job=~\"batch-.*\",instance!=\"\"}"));
    m_table->horizontalHeaderItem(WarnColumn)->setToolTip(tr("A duration such as 90s, 15m, 26h or 1h30m; 0s: no warning phase"));
    m_table->horizontalHeaderItem(StaleColumn)->setToolTip(tr("A duration such as 90s, 15m, 2d"));
    m_table->horizontalHeaderItem(MatchesColumn)->setToolTip(tr("Current groups this rule decides (earlier rules take theirs first)"));
    m_table->horizontalHeader()->setSectionResizeMode(MatcherColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(MatchesColumn, QHeaderView::ResizeToContents);
    m_table->setColumnWidth(NameColumn, 130);
    m_table->setColumnWidth(WarnColumn, 100);
    m_table->setColumnWidth(StaleColumn, 100);
    m_table->verticalHeader()->setSectionsClickable(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setItemDelegate(new RuleCellDelegate(m_table));
    m_table->setMinimumHeight(180);
    layout->addWidget(m_table, 1);

    auto *rowButtons = new QHBoxLayout;
    m_addButton = new QPushButton(tr("&Add rule"), this);
    m_removeButton = new QPushButton(tr("&Remove"), this);
    m_upButton = new QPushButton(tr("Move &up"), this);
    m_downButton = new QPushButton(tr("Move &down"), this);
    for (QPushButton *b : {m_addButton, m_removeButton, m_upButton, m_downButton}) {
        b->setAutoDefault(false);
        rowButtons->addWidget(b);
    }
    rowButtons->addStretch();
    layout->addLayout(rowButtons);

    auto *fallback = new QGroupBox(tr("Groups without a rule"), this);
    auto *form = new QFormLayout(fallback);
    m_cadenceEnabled = new QCheckBox(tr("Judge by the learned push cadence (median of recent intervals)"), fallback);
    form->addRow(m_cadenceEnabled);
    auto *cadenceRow = new QHBoxLayout;
    m_warnFactor = new QDoubleSpinBox(fallback);
    m_staleFactor = new QDoubleSpinBox(fallback);
    for (QDoubleSpinBox *box : {m_warnFactor, m_staleFactor}) {
        box->setRange(1, 100);
        box->setDecimals(1);
        box->setSingleStep(0.5);
        box->setSuffix(u"\u00d7"_s);
    }
    m_minIntervals = new QSpinBox(fallback);
    m_minIntervals->setRange(1, 1000);
    cadenceRow->addWidget(new QLabel(tr("Warning at"), fallback));
    cadenceRow->addWidget(m_warnFactor);
    cadenceRow->addWidget(new QLabel(tr("stale at"), fallback));
    cadenceRow->addWidget(m_staleFactor);
    cadenceRow->addWidget(new QLabel(tr("the cadence, after"), fallback));
    cadenceRow->addWidget(m_minIntervals);
    cadenceRow->addWidget(new QLabel(tr("intervals seen"), fallback));
    cadenceRow->addStretch();
    form->addRow(cadenceRow);
    m_defaultEnabled = new QCheckBox(tr("Otherwise use the default"), fallback);
    form->addRow(m_defaultEnabled);
    auto *defaultRow = new QHBoxLayout;
    m_defaultWarn = new QLineEdit(fallback);
    m_defaultStale = new QLineEdit(fallback);
    m_defaultWarn->setObjectName(u"defaultWarn"_s);
    m_defaultStale->setObjectName(u"defaultStale"_s);
    for (QLineEdit *edit : {m_defaultWarn, m_defaultStale}) {
        edit->setMaximumWidth(120);
        edit->setPlaceholderText(u"1h30m"_s);
    }
    defaultRow->addWidget(new QLabel(tr("Warning after"), fallback));
    defaultRow->addWidget(m_defaultWarn);
    defaultRow->addWidget(new QLabel(tr("stale after"), fallback));
    defaultRow->addWidget(m_defaultStale);
    defaultRow->addStretch();
    form->addRow(defaultRow);
    layout->addWidget(fallback);

    auto *testBox = new QGroupBox(tr("Try a grouping key"), this);
    auto *testLayout = new QVBoxLayout(testBox);
    m_testKey = new QLineEdit(testBox);
    m_testKey->setObjectName(u"testKey"_s);
    m_testKey->setPlaceholderText(u"{job=\"nightly-backup\",instance=\"db-1\"}"_s);
    m_testResult = new QLabel(testBox);
    m_testResult->setObjectName(u"testResult"_s);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    testLayout->addWidget(m_testKey);
    testLayout->addWidget(m_testResult);
    layout->addWidget(testBox);

    m_problem = new QLabel(this);
    m_problem->setObjectName(u"problem"_s);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setPalette(Tones::errorTextPalette(m_problem->palette()));
    layout->addWidget(m_problem);

    m_note = new QLabel(this);
    m_note->setObjectName(u"note"_s);
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_note);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);
    auto *importButton = m_buttons->addButton(tr("&Import\u2026"), QDialogButtonBox::ActionRole);
    auto *exportButton = m_buttons->addButton(tr("&Export\u2026"), QDialogButtonBox::ActionRole);
    auto *alertButton = m_buttons->addButton(tr("Alert &rules\u2026"), QDialogButtonBox::ActionRole);
    importButton->setObjectName(u"importButton"_s);
    exportButton->setObjectName(u"exportButton"_s);
    alertButton->setObjectName(u"alertRulesButton"_s);
    alertButton->setToolTip(tr("Generate Prometheus alerting rules that watch the same thresholds"));
    scroll->setWidget(body);
    outer->addWidget(scroll, 1);
    outer->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &RulesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RulesDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &RulesDialog::apply);
    connect(importButton, &QPushButton::clicked, this, &RulesDialog::importClicked);
    connect(exportButton, &QPushButton::clicked, this, &RulesDialog::exportClicked);
    connect(alertButton, &QPushButton::clicked, this, &RulesDialog::showAlertRules);
    connect(m_addButton, &QPushButton::clicked, this, [this] {
        insertRow(m_table->rowCount(), {}, u"{job=\"\"}"_s, u"1h"_s, u"6h"_s);
        m_table->setCurrentCell(m_table->rowCount() - 1, MatcherColumn);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, MatcherColumn));
        validate();
    });
    connect(m_removeButton, &QPushButton::clicked, this, &RulesDialog::removeSelected);
    connect(m_upButton, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_downButton, &QPushButton::clicked, this, [this] { moveSelected(+1); });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling)
            validate();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RulesDialog::validate);
    for (QLineEdit *edit : {m_defaultWarn, m_defaultStale})
        connect(edit, &QLineEdit::textChanged, this, &RulesDialog::validate);
    for (QCheckBox *box : {m_defaultEnabled, m_cadenceEnabled})
        connect(box, &QCheckBox::toggled, this, &RulesDialog::validate);
    for (QDoubleSpinBox *box : {m_warnFactor, m_staleFactor})
        connect(box, &QDoubleSpinBox::valueChanged, this, &RulesDialog::validate);
    connect(m_minIntervals, &QSpinBox::valueChanged, this, &RulesDialog::validate);
    connect(m_testKey, &QLineEdit::textChanged, this, &RulesDialog::updateKeyTest);

    setPolicy(policy);
    // As big as it wants, within the screen it opens on.
    const QScreen *screen = parent ? parent->screen() : QGuiApplication::primaryScreen();
    const QSize room = screen ? screen->availableGeometry().size() * 0.9 : QSize(760, 620);
    resize(std::min(760, room.width()), std::min(620, room.height()));
}

RulesDialog::~RulesDialog() = default;

void RulesDialog::setPolicy(const StalenessPolicy &policy)
{
    m_filling = true;
    m_applied = policy;
    m_table->setRowCount(0);
    for (const StalenessRule &rule : policy.rules())
        addRule(rule);
    const bool hasDefault = policy.defaultStaleAfter() > 0;
    m_defaultEnabled->setChecked(hasDefault);
    m_defaultWarn->setText(formatDuration(hasDefault ? policy.defaultWarnAfter() : 3600));
    m_defaultStale->setText(formatDuration(hasDefault ? policy.defaultStaleAfter() : 6 * 3600));
    const CadenceSettings &cadence = policy.cadenceSettings();
    m_cadenceEnabled->setChecked(cadence.enabled);
    m_warnFactor->setValue(cadence.warnFactor);
    m_staleFactor->setValue(cadence.staleFactor);
    m_minIntervals->setValue(cadence.minIntervals);
    m_filling = false;
    validate();
}

void RulesDialog::addRule(const StalenessRule &rule)
{
    insertRow(m_table->rowCount(), rule.name, rule.matcher.toString(), formatDuration(rule.warnAfter),
              formatDuration(rule.staleAfter), rule.gateway);
}

void RulesDialog::insertRow(int row, const QString &name, const QString &matcher, const QString &warn, const QString &stale,
                            const QString &gateway)
{
    const bool filling = m_filling;
    m_filling = true;
    m_table->insertRow(row);
    m_table->setItem(row, NameColumn, new QTableWidgetItem(name));
    auto *matcherItem = new QTableWidgetItem(matcher);
    matcherItem->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_table->setItem(row, MatcherColumn, matcherItem);
    m_table->setItem(row, WarnColumn, new QTableWidgetItem(warn));
    m_table->setItem(row, StaleColumn, new QTableWidgetItem(stale));
    m_table->setItem(row, GatewayColumn, new QTableWidgetItem(gateway));
    auto *matches = new QTableWidgetItem;
    matches->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    matches->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->setItem(row, MatchesColumn, matches);
    m_filling = filling;
}

void RulesDialog::moveSelected(int delta)
{
    const int row = m_table->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_table->rowCount())
        return;
    const auto text = [this, row](int column) { return m_table->item(row, column)->text(); };
    const QString name = text(NameColumn), matcher = text(MatcherColumn), warn = text(WarnColumn), stale = text(StaleColumn);
    const QString gateway = text(GatewayColumn);
    m_filling = true;
    m_table->removeRow(row);
    insertRow(target, name, matcher, warn, stale, gateway);
    m_filling = false;
    m_table->setCurrentCell(target, m_table->currentColumn() < 0 ? MatcherColumn : m_table->currentColumn());
    validate();
}

void RulesDialog::removeSelected()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    m_table->removeRow(row);
    validate();
}

Result<StalenessPolicy> RulesDialog::editedPolicy() const
{
    StalenessPolicy policy = m_applied; // keeps the learned cadences
    QList<StalenessRule> rules;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto problemIn = [row](const QString &field, const QString &message) {
            return Error::make(Error::Invalid, tr("Rule %1, %2: %3").arg(row + 1).arg(field, message));
        };
        StalenessRule rule;
        rule.name = m_table->item(row, NameColumn)->text().trimmed();
        rule.gateway = m_table->item(row, GatewayColumn)->text().trimmed();
        auto matcher = LabelMatcher::parse(m_table->item(row, MatcherColumn)->text());
        if (!matcher)
            return problemIn(tr("selector"), matcher.errorString());
        rule.matcher = *matcher;
        auto warn = parseDuration(m_table->item(row, WarnColumn)->text());
        if (!warn)
            return problemIn(tr("warning after"), warn.errorString());
        auto stale = parseDuration(m_table->item(row, StaleColumn)->text());
        if (!stale)
            return problemIn(tr("stale after"), stale.errorString());
        if (*stale <= 0)
            return problemIn(tr("stale after"), tr("must be longer than 0s"));
        if (*warn > *stale)
            return problemIn(tr("warning after"), tr("%1 is longer than stale after (%2)").arg(formatDuration(*warn), formatDuration(*stale)));
        rule.warnAfter = *warn;
        rule.staleAfter = *stale;
        rules.append(std::move(rule));
    }
    policy.setRules(std::move(rules));

    if (m_defaultEnabled->isChecked()) {
        auto warn = parseDuration(m_defaultWarn->text());
        if (!warn)
            return Error::make(Error::Invalid, tr("Default, warning after: %1").arg(warn.errorString()));
        auto stale = parseDuration(m_defaultStale->text());
        if (!stale)
            return Error::make(Error::Invalid, tr("Default, stale after: %1").arg(stale.errorString()));
        if (*stale <= 0)
            return Error::make(Error::Invalid, tr("Default, stale after: must be longer than 0s"));
        if (*warn > *stale)
            return Error::make(Error::Invalid, tr("Default, warning after: %1 is longer than stale after (%2)")
                                                   .arg(formatDuration(*warn), formatDuration(*stale)));
        policy.setDefaults(*warn, *stale);
    } else {
        policy.setDefaults(0, 0);
    }

    CadenceSettings cadence;
    cadence.enabled = m_cadenceEnabled->isChecked();
    cadence.warnFactor = m_warnFactor->value();
    cadence.staleFactor = m_staleFactor->value();
    cadence.minIntervals = m_minIntervals->value();
    if (cadence.warnFactor > cadence.staleFactor)
        return Error::make(Error::Invalid, tr("Learned cadence: the warning factor (%1\u00d7) is greater than the stale factor (%2\u00d7)")
                                               .arg(cadence.warnFactor).arg(cadence.staleFactor));
    policy.setCadenceSettings(cadence);
    return policy;
}

QString RulesDialog::problemText() const
{
    return m_problem->text();
}

void RulesDialog::validate()
{
    if (m_filling)
        return;
    // Per cell: tint and explain what is wrong where it is wrong.
    m_filling = true;
    const QPalette pal = m_table->palette();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        double warn = -1, stale = -1;
        for (int column : {MatcherColumn, WarnColumn, StaleColumn}) {
            QTableWidgetItem *item = m_table->item(row, column);
            QString problem = cellProblem(column, item->text());
            if (problem.isEmpty() && column == WarnColumn)
                warn = parseDuration(item->text()).value();
            if (problem.isEmpty() && column == StaleColumn) {
                stale = parseDuration(item->text()).value();
                if (warn >= 0 && warn > stale)
                    problem = tr("shorter than warning after (%1)").arg(formatDuration(warn));
            }
            item->setToolTip(problem.isEmpty() && column == MatcherColumn ? m_table->horizontalHeaderItem(column)->toolTip() : problem);
            item->setBackground(problem.isEmpty() ? QBrush() : QBrush(problemTint(pal)));
        }
    }
    m_filling = false;

    for (QLineEdit *edit : {m_defaultWarn, m_defaultStale})
        edit->setEnabled(m_defaultEnabled->isChecked());
    for (QWidget *w : {static_cast<QWidget *>(m_warnFactor), static_cast<QWidget *>(m_staleFactor), static_cast<QWidget *>(m_minIntervals)})
        w->setEnabled(m_cadenceEnabled->isChecked());
    const int row = m_table->currentRow();
    m_removeButton->setEnabled(row >= 0);
    m_upButton->setEnabled(row > 0);
    m_downButton->setEnabled(row >= 0 && row + 1 < m_table->rowCount());

    const auto edited = editedPolicy();
    m_problem->setText(edited ? QString() : edited.errorString());
    m_problem->setVisible(!edited.ok());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(edited.ok());
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(edited.ok());
    if (auto *exportButton = findChild<QPushButton *>(u"exportButton"_s))
        exportButton->setEnabled(edited.ok());
    if (auto *alertButton = findChild<QPushButton *>(u"alertRulesButton"_s))
        alertButton->setEnabled(edited.ok());
    updateMatches();
    updateKeyTest();
}

void RulesDialog::setGroups(const QList<Group> &groups, double now)
{
    m_groups = groups;
    m_now = now;
    updateMatches();
    updateKeyTest();
}

void RulesDialog::setCurrentGateway(const QUrl &url)
{
    m_gatewayIdentifiers = StalenessPolicy::gatewayIdentifiers(url);
    updateMatches();
    updateKeyTest();
}

QString RulesDialog::note() const
{
    return m_note->text();
}

void RulesDialog::setNote(const QString &text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

void RulesDialog::updateMatches()
{
    // With invalid rows in between, the valid ones still show what they catch.
    QList<std::optional<LabelMatcher>> matchers;
    QList<bool> here; // the rule applies on the gateway the groups come from
    for (int row = 0; row < m_table->rowCount(); ++row) {
        auto m = LabelMatcher::parse(m_table->item(row, MatcherColumn)->text());
        matchers.append(m ? std::optional<LabelMatcher>(*m) : std::nullopt);
        StalenessRule scope;
        scope.gateway = m_table->item(row, GatewayColumn)->text();
        here.append(scope.appliesToGateway(m_gatewayIdentifiers));
    }
    QList<int> counts(matchers.size(), 0);
    for (const Group &group : std::as_const(m_groups)) {
        for (qsizetype i = 0; i < matchers.size(); ++i) {
            if (here.at(i) && matchers.at(i) && matchers.at(i)->matches(group.key)) {
                ++counts[i];
                break;
            }
        }
    }
    const bool filling = m_filling;
    m_filling = true;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem *item = m_table->item(row, MatchesColumn);
        const QString text = m_groups.isEmpty() ? u"\u2013"_s : matchers.at(row) ? QLocale().toString(counts.at(row)) : u"?"_s;
        if (item->text() != text)
            item->setText(text);
    }
    m_filling = filling;
}

void RulesDialog::updateKeyTest()
{
    const QString text = m_testKey->text().trimmed();
    if (text.isEmpty()) {
        m_testResult->setText(tr("Type a grouping key to see which rule judges it."));
        return;
    }
    auto key = GroupingKey::parse(text);
    if (!key) {
        m_testResult->setText(tr("Not a grouping key: %1").arg(key.errorString()));
        return;
    }
    auto edited = editedPolicy();
    if (!edited) {
        m_testResult->setText(tr("Fix the rules first: %1").arg(edited.errorString()));
        return;
    }
    // Judged as on the gateway the groups come from: rules scoped to it
    // apply, as they do in the table.
    StalenessPolicy judged = *edited;
    judged.setGatewayIdentifiers(m_gatewayIdentifiers);
    const StalenessPolicy *policy = &judged;
    // A group the gateway has: judge it for real, with its push times and
    // learned cadence.
    for (const Group &group : std::as_const(m_groups)) {
        if (group.key == *key) {
            const double now = m_now > 0 ? m_now : double(QDateTime::currentMSecsSinceEpoch()) / 1000;
            const StalenessVerdict verdict = policy->evaluate(group, now);
            m_testResult->setText(tr("%1 now, by %2.").arg(stalenessName(verdict.state), policy->explain(verdict)));
            return;
        }
    }
    Group probe;
    probe.key = *key;
    const StalenessVerdict verdict = policy->evaluate(probe, 0);
    if (verdict.source == StalenessVerdict::Source::Rule) {
        m_testResult->setText(tr("Judged by %1.").arg(policy->explain(verdict)));
    } else {
        QString text = policy->cadenceSettings().enabled
                           ? tr("No rule matches: judged by its learned cadence once %1 intervals were seen, until then by ")
                                 .arg(policy->cadenceSettings().minIntervals)
                           : tr("No rule matches: judged by ");
        if (policy->defaultStaleAfter() > 0)
            text += tr("the default (warning after %1, stale after %2).")
                        .arg(formatDuration(policy->defaultWarnAfter()), formatDuration(policy->defaultStaleAfter()));
        else
            text += tr("nothing (unknown).");
        m_testResult->setText(text);
    }
}

void RulesDialog::apply()
{
    const auto edited = editedPolicy();
    if (!edited)
        return;
    m_applied = *edited;
    Q_EMIT applied(m_applied);
}

void RulesDialog::accept()
{
    const auto edited = editedPolicy();
    if (!edited) {
        m_problem->setText(edited.errorString());
        m_problem->setVisible(true);
        return;
    }
    apply();
    QDialog::accept();
}

Result<Done> RulesDialog::importFile(const QString &path)
{
    auto loaded = StalenessRules::load(path);
    if (!loaded)
        return loaded.error();
    StalenessPolicy policy = *loaded;
    policy.setLearnedCadences(m_applied.learnedCadences());
    // Shown for editing; applied only with OK or Apply.
    const StalenessPolicy applied = m_applied;
    setPolicy(policy);
    m_applied = applied;
    return Done{};
}

Result<Done> RulesDialog::exportFile(const QString &path) const
{
    const auto edited = editedPolicy();
    if (!edited)
        return edited.error();
    return StalenessRules::save(*edited, path);
}

void RulesDialog::importClicked()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import staleness rules"), {},
                                                      tr("Rules files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const auto result = importFile(path); !result)
        QMessageBox::warning(this, tr("Import staleness rules"), result.errorString());
}

void RulesDialog::exportClicked()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export staleness rules"), u"pushdeck-rules.json"_s,
                                                      tr("Rules files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const auto result = exportFile(path); !result)
        QMessageBox::warning(this, tr("Export staleness rules"), result.errorString());
}

QString RulesDialog::alertRulesYaml(const AlertRuleOptions &options) const
{
    const auto edited = editedPolicy();
    return edited ? AlertRules::generate(*edited, options) : QString();
}

QDialog *RulesDialog::showAlertRules()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"alertRulesDialog"_s);
    dialog->setWindowTitle(tr("Prometheus alerting rules"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(dialog);
    auto *intro = new QLabel(tr("Alerting rules that watch the same thresholds in Prometheus, so nobody has to watch "
                                "this dashboard. Add the file to <tt>rule_files:</tt> and scrape the Pushgateway with "
                                "<tt>honor_labels: true</tt>."),
                             dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *warnings = new QCheckBox(tr("Also warning alerts (severity: warning) before groups turn stale"), dialog);
    warnings->setChecked(true);
    auto *cadence = new QCheckBox(tr("Approximate the learned cadence in PromQL (mean interval over the last day; costly on big servers)"), dialog);
    cadence->setObjectName(u"cadenceAlerts"_s);
    cadence->setEnabled(m_cadenceEnabled->isChecked());
    layout->addWidget(warnings);
    layout->addWidget(cadence);
    auto *text = new QPlainTextEdit(dialog);
    text->setObjectName(u"alertRulesText"_s);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    auto *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    auto *save = buttons->addButton(tr("&Save\u2026"), QDialogButtonBox::ActionRole);
    copy->setObjectName(u"copyButton"_s);
    save->setObjectName(u"saveButton"_s);
    layout->addWidget(buttons);

    const auto regenerate = [this, text, warnings, cadence] {
        AlertRuleOptions options;
        options.warnings = warnings->isChecked();
        options.cadenceAlerts = cadence->isChecked();
        text->setPlainText(alertRulesYaml(options));
    };
    regenerate();
    connect(warnings, &QCheckBox::toggled, dialog, regenerate);
    connect(cadence, &QCheckBox::toggled, dialog, regenerate);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(copy, &QPushButton::clicked, dialog, [text] { QApplication::clipboard()->setText(text->toPlainText()); });
    connect(save, &QPushButton::clicked, dialog, [dialog, text] {
        const QString path = QFileDialog::getSaveFileName(dialog, tr("Save alerting rules"), u"pushgateway-alerts.yml"_s,
                                                          tr("YAML files (*.yml *.yaml);;All files (*)"));
        if (path.isEmpty())
            return;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text->toPlainText().toUtf8()) < 0 || !file.commit())
            QMessageBox::warning(dialog, tr("Save alerting rules"), tr("Cannot write %1: %2").arg(path, file.errorString()));
    });
    dialog->resize(820, 560);
    dialog->open();
    return dialog;
}

} // namespace PushDeck
