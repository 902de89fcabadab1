#include "views/operations/prunewizard.h"

#include "views/common/actionicons.h"
#include "views/operations/bulkdeleteview.h"
#include "core/duration.h"
#include "session/gatewaysession.h"
#include "views/operations/operationkeytable.h"
#include "core/urls.h"
#include "views/common/stateicons.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTimer>
#include <QVBoxLayout>

#include <functional>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// A wizard page whose completeness and initialisation are given as functions,
// so the wizard keeps all its state in one place.
class Page final : public QWizardPage
{
public:
    using QWizardPage::QWizardPage;
    std::function<bool()> complete;
    std::function<void()> init;

    bool isComplete() const override { return complete ? complete() : QWizardPage::isComplete(); }
    void initializePage() override
    {
        if (init)
            init();
    }
    void changed() { Q_EMIT completeChanged(); }
};

Page *pageOf(QWizard *wizard, int id)
{
    return static_cast<Page *>(wizard->page(id));
}

QLabel *wrapLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

void setProblemColour(QLabel *label, bool problem)
{
    QPalette palette = label->parentWidget() ? label->parentWidget()->palette() : label->palette();
    if (problem)
        palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    label->setPalette(palette);
}

} // namespace

PruneWizard::PruneWizard(GatewaySession *session, const QList<Group> &groups, QWidget *parent)
    : QWizard(parent)
    , m_session(session)
    , m_groups(groups)
    , m_readAt(session ? session->now() : 0)
{
    setObjectName(u"pruneWizard"_s);
    setWindowTitle(tr("Prune stale groups"));
    setWindowIcon(ActionIcons::icon(u"prune"_s));
    setOptions(QWizard::NoBackButtonOnLastPage | QWizard::NoCancelButtonOnLastPage | QWizard::NoDefaultButton);
    setWizardStyle(QWizard::ClassicStyle);
    const QString gateway = session ? redactedUrl(session->url()) : QString();

    // 1. Criteria ---------------------------------------------------------
    auto *criteriaPage = new Page(this);
    criteriaPage->setTitle(tr("Which groups?"));
    criteriaPage->setSubTitle(tr("Nothing is deleted before you have seen the exact list and confirmed it."));
    auto *criteriaLayout = new QVBoxLayout(criteriaPage);
    criteriaLayout->addWidget(wrapLabel(tr("Choose the groups to prune on %1. States are judged by the current "
                                           "staleness rules; the age is the time since the last successful push.")
                                            .arg(gateway),
                                        criteriaPage));

    auto *statesBox = new QGroupBox(tr("Staleness state is one of"), criteriaPage);
    auto *statesLayout = new QHBoxLayout(statesBox);
    for (Staleness state : {Staleness::Stale, Staleness::Failed, Staleness::Warning, Staleness::Unknown}) {
        auto *check = new QCheckBox(StateIcons::label(state), statesBox);
        check->setObjectName(u"state_"_s + stalenessName(state));
        check->setIcon(StateIcons::icon(state));
        check->setToolTip(StateIcons::description(state));
        check->setChecked(state == Staleness::Stale);
        statesLayout->addWidget(check);
        m_stateChecks.insert(int(state), check);
        connect(check, &QCheckBox::toggled, this, &PruneWizard::validateCriteria);
    }
    statesLayout->addStretch(1);
    criteriaLayout->addWidget(statesBox);

    auto *form = new QFormLayout;
    m_minAge = new QLineEdit(criteriaPage);
    m_minAge->setObjectName(u"minAgeEdit"_s);
    m_minAge->setPlaceholderText(tr("e.g. 7d, 12h, 1h30m (empty: no age criterion)"));
    m_minAge->setToolTip(tr("A Prometheus duration: ms s m h d w y, combined largest first"));
    connect(m_minAge, &QLineEdit::textChanged, this, &PruneWizard::validateCriteria);
    form->addRow(tr("Minimum age:"), m_minAge);

    auto *combineRow = new QHBoxLayout;
    m_combineAll = new QRadioButton(tr("state and age must both hold"), criteriaPage);
    m_combineAll->setObjectName(u"combineAll"_s);
    m_combineAny = new QRadioButton(tr("either is enough"), criteriaPage);
    m_combineAny->setObjectName(u"combineAny"_s);
    m_combineAll->setChecked(true);
    auto *combineGroup = new QButtonGroup(this);
    combineGroup->addButton(m_combineAll);
    combineGroup->addButton(m_combineAny);
    connect(m_combineAll, &QRadioButton::toggled, this, &PruneWizard::validateCriteria);
    combineRow->addWidget(m_combineAll);
    combineRow->addWidget(m_combineAny);
    combineRow->addStretch(1);
    form->addRow(tr("Combine:"), combineRow);

    m_matcher = new QLineEdit(criteriaPage);
    m_matcher->setObjectName(u"pruneMatcherEdit"_s);
    m_matcher->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_matcher->setPlaceholderText(tr("optional, e.g. {job=~\"batch-.*\"}"));
    m_matcher->setToolTip(tr("Only groups whose key matches are pruned (always combined with the criteria above)"));
    connect(m_matcher, &QLineEdit::textChanged, this, &PruneWizard::validateCriteria);
    form->addRow(tr("Only keys matching:"), m_matcher);
    criteriaLayout->addLayout(form);

    m_criteriaProblem = wrapLabel(QString(), criteriaPage);
    m_criteriaProblem->setObjectName(u"criteriaProblem"_s);
    m_criteriaProblem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    criteriaLayout->addWidget(m_criteriaProblem);
    criteriaLayout->addStretch(1);
    criteriaPage->complete = [this] { return m_criteriaValid; };
    setPage(CriteriaPage, criteriaPage);

    // 2. Preview ----------------------------------------------------------
    auto *previewPage = new Page(this);
    previewPage->setTitle(tr("These groups would be deleted"));
    previewPage->setSubTitle(tr("Exactly these grouping keys; nothing else is touched, also if the gateway changes "
                                "while the delete runs."));
    auto *previewLayout = new QVBoxLayout(previewPage);
    auto *summaryRow = new QHBoxLayout;
    m_previewSummary = wrapLabel(QString(), previewPage);
    m_previewSummary->setObjectName(u"previewSummary"_s);
    m_previewSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reloadButton = new QPushButton(ActionIcons::icon(u"refresh"_s), tr("Re-read gateway"), previewPage);
    m_reloadButton->setObjectName(u"reloadButton"_s);
    m_reloadButton->setToolTip(tr("Read the groups from the gateway now, so the preview is current"));
    connect(m_reloadButton, &QPushButton::clicked, this, &PruneWizard::reloadGroups);
    summaryRow->addWidget(m_previewSummary, 1);
    summaryRow->addWidget(m_reloadButton, 0, Qt::AlignTop);
    previewLayout->addLayout(summaryRow);
    m_table = new OperationKeyTable(previewPage);
    m_table->setObjectName(u"previewTable"_s);
    previewLayout->addWidget(m_table, 1);
    m_dryRun = new QCheckBox(tr("Dry run: show what would be deleted and send nothing"), previewPage);
    m_dryRun->setObjectName(u"dryRunCheck"_s);
    previewLayout->addWidget(m_dryRun);
    previewPage->complete = [this] { return !m_preview.isEmpty() && !m_reloading; };
    previewPage->init = [this] { updatePreview(); };
    setPage(PreviewPage, previewPage);

    // 3. Confirm ----------------------------------------------------------
    auto *confirmPage = new Page(this);
    confirmPage->setTitle(tr("Confirm"));
    confirmPage->setSubTitle(tr("The last step before anything is sent. Back returns to the list."));
    confirmPage->setCommitPage(true);
    auto *confirmLayout = new QVBoxLayout(confirmPage);
    m_confirmText = wrapLabel(QString(), confirmPage);
    m_confirmText->setObjectName(u"confirmText"_s);
    m_confirmText->setTextFormat(Qt::RichText);
    m_confirmText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    confirmLayout->addWidget(m_confirmText);
    confirmLayout->addStretch(1);
    confirmPage->init = [this] { updateConfirm(); };
    setPage(ConfirmPage, confirmPage);

    // 4. Run and report ---------------------------------------------------
    auto *runPage = new Page(this);
    runPage->setTitle(tr("Pruning"));
    runPage->setSubTitle(tr("Deleting exactly the previewed groups, then reading the gateway back to check each one."));
    auto *runLayout = new QVBoxLayout(runPage);
    m_runView = new BulkDeleteView(runPage);
    runLayout->addWidget(m_runView);
    runPage->complete = [this] { return hasFinished(); };
    runPage->init = [this] { startRun(); };
    runPage->setFinalPage(true);
    setPage(RunPage, runPage);
    connect(m_runView, &BulkDeleteView::finished, this, [this, runPage](const BulkDeleteReport &report) {
        runPage->setTitle(report.dryRun ? tr("Dry run finished") : tr("Pruning finished"));
        runPage->changed();
        Q_EMIT deleteFinished(report);
        if (m_closeWhenDone)
            QWizard::reject();
    });

    setStartId(CriteriaPage);
    resize(780, 560);
    validateCriteria();
}

PruneWizard::~PruneWizard() = default;

Result<PruneCriteria> PruneWizard::criteria() const
{
    PruneCriteria c;
    for (auto it = m_stateChecks.cbegin(); it != m_stateChecks.cend(); ++it) {
        if (it.value()->isChecked())
            c.states.insert(Staleness(it.key()));
    }
    const QString age = m_minAge->text().trimmed();
    if (!age.isEmpty()) {
        auto seconds = parseDuration(age);
        if (!seconds)
            return Error::make(Error::Invalid, tr("Minimum age: %1").arg(seconds.errorString()));
        if (*seconds <= 0)
            return Error::make(Error::Invalid, tr("Minimum age: must be longer than 0s"));
        c.minAgeSeconds = *seconds;
    }
    c.combine = m_combineAny->isChecked() ? PruneCriteria::Combine::Any : PruneCriteria::Combine::All;
    auto matcher = LabelMatcher::parse(m_matcher->text().trimmed());
    if (!matcher)
        return Error::make(Error::Invalid, tr("Matcher: %1").arg(matcher.errorString()));
    c.matcher = *matcher;
    if (c.states.isEmpty() && c.minAgeSeconds <= 0)
        return Error::make(Error::Invalid, tr("Choose at least one state or a minimum age. (A matcher alone is a bulk "
                                              "delete: use \"Bulk delete by matcher\" for that.)"));
    return c;
}

void PruneWizard::validateCriteria()
{
    const bool hasStates = std::any_of(m_stateChecks.cbegin(), m_stateChecks.cend(),
                                       [](const QCheckBox *c) { return c->isChecked(); });
    const bool hasAge = !m_minAge->text().trimmed().isEmpty();
    m_combineAll->setEnabled(hasStates && hasAge);
    m_combineAny->setEnabled(hasStates && hasAge);

    const auto c = criteria();
    m_criteriaValid = c.ok();
    if (!c) {
        m_criteriaProblem->setText(c.errorString());
    } else {
        const auto selected = m_session ? selectForPrune(m_groups, m_session->policy(), *c, m_session->now())
                                        : QList<PruneCandidate>{};
        QString text = tr("Selects %1 of %n group(s): %2", nullptr, int(m_groups.size()))
                           .arg(selected.size())
                           .arg(c->describe());
        if (c->minAgeSeconds > 0)
            text += u"\n"_s + tr("Minimum age %1 = %2 seconds.").arg(formatDuration(c->minAgeSeconds)).arg(c->minAgeSeconds);
        m_criteriaProblem->setText(text);
    }
    setProblemColour(m_criteriaProblem, !c.ok());
    // Highlight the field that is wrong.
    const bool badAge = !c && c.errorString().startsWith(tr("Minimum age:"));
    const bool badMatcher = !c && c.errorString().startsWith(tr("Matcher:"));
    for (auto [edit, bad] : {std::pair{m_minAge, badAge}, std::pair{m_matcher, badMatcher}}) {
        QPalette palette = edit->parentWidget()->palette();
        if (bad)
            palette.setColor(QPalette::Base, palette.color(QPalette::Base).lightness() > 128 ? QColor(0xfb, 0xe3, 0xe4)
                                                                                              : QColor(0x5c, 0x1e, 0x22));
        edit->setPalette(palette);
    }
    if (auto *p = pageOf(this, CriteriaPage))
        p->changed();
}

void PruneWizard::updatePreview()
{
    const auto c = criteria();
    m_preview = c && m_session ? selectForPrune(m_groups, m_session->policy(), *c, m_session->now())
                               : QList<PruneCandidate>{};
    m_table->setCandidates(m_preview);
    const QString asOf = QDateTime::fromMSecsSinceEpoch(qint64(m_readAt * 1000)).toString(u"HH:mm:ss"_s);
    if (!c)
        m_previewSummary->setText(c.errorString());
    else if (m_preview.isEmpty())
        m_previewSummary->setText(tr("No group meets %1 (groups as of %2). Nothing to prune.").arg(c->describe(), asOf));
    else
        m_previewSummary->setText(tr("%n group(s), oldest first, meet %1 (groups as of %2).", nullptr, int(m_preview.size()))
                                      .arg(c->describe(), asOf));
    setProblemColour(m_previewSummary, m_preview.isEmpty());
    if (auto *p = pageOf(this, PreviewPage))
        p->changed();
    Q_EMIT previewChanged();
}

void PruneWizard::reloadGroups()
{
    if (!m_session || m_reloading)
        return;
    m_reloading = true;
    m_reloadButton->setEnabled(false);
    m_previewSummary->setText(tr("Reading the gateway…"));
    pageOf(this, PreviewPage)->changed();
    m_session->readGroups().then(this, [this](const Result<QList<Group>> &groups) {
        m_reloading = false;
        m_reloadButton->setEnabled(true);
        if (!groups) {
            updatePreview();
            m_previewSummary->setText(m_previewSummary->text() + u"\n"_s
                                      + tr("Could not read the gateway: %1").arg(groups.errorString()));
            setProblemColour(m_previewSummary, true);
            return;
        }
        m_groups = *groups;
        m_readAt = m_session ? m_session->now() : m_readAt;
        updatePreview();
    });
}

void PruneWizard::updateConfirm()
{
    const auto c = criteria();
    const QString gateway = m_session ? redactedUrl(m_session->url()) : QString();
    const int n = int(m_preview.size());
    QString text;
    if (m_dryRun->isChecked()) {
        text = tr("<p><b>Dry run</b> over the %n previewed group(s) on %1: nothing is sent, the report shows what "
                  "would be deleted.</p>",
                  nullptr, n)
                   .arg(gateway.toHtmlEscaped());
        pageOf(this, ConfirmPage)->setButtonText(QWizard::CommitButton, tr("Run dry run"));
    } else {
        text = tr("<p><b>Delete %n group(s)</b> from %1.</p>", nullptr, n).arg(gateway.toHtmlEscaped());
        text += tr("<p>An undo snapshot of their exact content is written first; Undo (Ctrl+Z) pushes them back, "
                   "with the time of the undo as their push time.</p>"
                   "<p>After sending, the gateway is read back and every key is reported as deleted, still present, "
                   "failed or not sent.</p>");
        pageOf(this, ConfirmPage)->setButtonText(QWizard::CommitButton, tr("Delete %n group(s)", nullptr, n));
    }
    if (c)
        text += tr("<p>Selected by: <code>%1</code></p>").arg(c->describe().toHtmlEscaped());
    m_confirmText->setText(text);
}

void PruneWizard::startRun()
{
    if (isRunning() || hasFinished() || !m_session)
        return;
    BulkDeleteOptions options = m_options;
    options.dryRun = m_dryRun->isChecked();
    options.action = u"prune"_s;
    m_runView->start(m_session, m_preview, options);
}

bool PruneWizard::isRunning() const
{
    return m_runView->isRunning();
}

bool PruneWizard::hasFinished() const
{
    return m_runView->hasFinished();
}

const BulkDeleteReport &PruneWizard::report() const
{
    return m_runView->report();
}

void PruneWizard::reject()
{
    if (isRunning()) {
        m_closeWhenDone = true;
        m_runView->cancel();
        return;
    }
    QWizard::reject();
}

} // namespace PushDeck
