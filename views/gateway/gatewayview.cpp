#include "views/gateway/gatewayview.h"

#include "format/exposition.h"
#include "items/familytreemodel.h"
#include "items/groupfilterproxy.h"
#include "views/gateway/grouprowdelegate.h"
#include "items/grouptablemodel.h"
#include "staleness/alertrules.h"
#include "views/common/stateicons.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFontMetrics>
#include <QDateTime>
#include <QDesktopServices>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u"'"_s + quoted + u"'"_s;
}

// Column layout by header name, shared by every gateway view: label columns
// differ per gateway, so positions and widths are kept per name.
class ColumnLayout
{
public:
    static void save(const QTableView *table, const GroupTableModel *model)
    {
        QSettings settings;
        QVariantMap layout = settings.value(u"table/columns"_s).toMap();
        QVariantMap columns = layout.value(u"columns"_s).toMap();
        const QHeaderView *header = table->horizontalHeader();
        for (int section = 0; section < model->columnCount(); ++section) {
            QVariantMap entry;
            entry[u"width"_s] = header->sectionSize(section);
            entry[u"hidden"_s] = header->isSectionHidden(section);
            columns[model->headerData(section, Qt::Horizontal).toString()] = entry;
        }
        layout[u"columns"_s] = columns;
        if (header->sortIndicatorSection() >= 0) {
            layout[u"sortColumn"_s] = model->headerData(header->sortIndicatorSection(), Qt::Horizontal).toString();
            layout[u"sortOrder"_s] = int(header->sortIndicatorOrder());
        }
        settings.setValue(u"table/columns"_s, layout);
    }

    // A label column as wide as its header and values need (the first 500
    // rows), within limits: the age and state columns must stay in view
    // next to the docks, and most label values are short.
    static int labelColumnWidth(const QTableView *table, const GroupTableModel *model, int section, const QString &name)
    {
        const QFontMetrics metrics(table->font());
        int wanted = metrics.horizontalAdvance(name) + 30; // room for the sort indicator
        const int rows = std::min(model->rowCount(), 500);
        for (int row = 0; row < rows; ++row)
            wanted = std::max(wanted, metrics.horizontalAdvance(model->index(row, section).data().toString()) + 18);
        return std::clamp(wanted, 60, name == u"job"_s ? 200 : 160);
    }

    static void apply(QTableView *table, const GroupTableModel *model)
    {
        const QVariantMap layout = QSettings().value(u"table/columns"_s).toMap();
        const QVariantMap columns = layout.value(u"columns"_s).toMap();
        QHeaderView *header = table->horizontalHeader();
        for (int section = 0; section < model->columnCount(); ++section) {
            const QString name = model->headerData(section, Qt::Horizontal).toString();
            const auto it = columns.find(name);
            if (it != columns.end()) {
                const QVariantMap entry = it->toMap();
                header->resizeSection(section, std::max(30, entry.value(u"width"_s).toInt()));
                header->setSectionHidden(section, entry.value(u"hidden"_s).toBool());
                continue;
            }
            const auto fixed = model->fixedColumn(section);
            if (fixed == GroupTableModel::LastPushColumn)
                header->resizeSection(section, 165);
            else if (fixed == GroupTableModel::StateColumn)
                header->resizeSection(section, 100);
            else if (fixed)
                header->resizeSection(section, 75);
            else
                header->resizeSection(section, labelColumnWidth(table, model, section, name));
        }
        // The saved sort column by name; by job until the user picks one.
        const QString sortName = layout.value(u"sortColumn"_s, u"job"_s).toString();
        const auto order = Qt::SortOrder(layout.value(u"sortOrder"_s, int(Qt::AscendingOrder)).toInt());
        for (int section = 0; section < model->columnCount(); ++section) {
            if (model->headerData(section, Qt::Horizontal).toString() == sortName) {
                if (header->sortIndicatorSection() != section || header->sortIndicatorOrder() != order)
                    table->sortByColumn(section, order);
                break;
            }
        }
    }
};

} // namespace

GatewayView::GatewayView(QWidget *parent)
    : QWidget(parent)
    , m_model(new GroupTableModel(this))
    , m_proxy(new GroupFilterProxy(this))
    , m_familyModel(new FamilyTreeModel(this))
{
    m_proxy->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // The outdated banner: shown whenever the data on screen is not the
    // result of the last refresh.
    m_banner = new QFrame(this);
    m_banner->setObjectName(u"outdatedBanner"_s);
    m_banner->setAutoFillBackground(true);
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, QColor(0xfd, 0xe8, 0xc8));
    bannerPalette.setColor(QPalette::WindowText, QColor(0x5a, 0x32, 0x00));
    m_banner->setPalette(bannerPalette);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(10, 6, 10, 6);
    auto *bannerIcon = new QLabel(m_banner);
    bannerIcon->setPixmap(StateIcons::icon(Staleness::Warning).pixmap(20, 20));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *retry = new QToolButton(m_banner);
    retry->setText(tr("Retry now"));
    connect(retry, &QToolButton::clicked, this, [this] {
        if (m_session)
            m_session->refreshNow(false);
    });
    bannerLayout->addWidget(bannerIcon);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(retry);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(u"gatewaySplitter"_s);
    m_splitter->setChildrenCollapsible(false);

    auto *tableHolder = new QWidget(m_splitter);
    auto *tableLayout = new QVBoxLayout(tableHolder);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(0);
    m_table = new QTableView(tableHolder);
    m_table->setObjectName(u"groupTable"_s);
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new GroupRowDelegate(m_model, m_table));
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setStretchLastSection(true);
    connect(m_table, &QWidget::customContextMenuRequested, this, &GatewayView::showGroupContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        QMenu menu(this);
        for (int section = 0; section < m_model->columnCount(); ++section) {
            QAction *action = menu.addAction(m_model->headerData(section, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setChecked(!header->isSectionHidden(section));
            connect(action, &QAction::toggled, this, [this, header, section](bool visible) {
                header->setSectionHidden(section, !visible);
                ColumnLayout::save(m_table, m_model);
            });
        }
        menu.exec(header->mapToGlobal(pos));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateDetail(true);
        Q_EMIT currentGroupChanged();
    });
    // Saved a moment after the last change, not on every pixel of a drag:
    // QSettings writes and syncs the whole file each time.
    m_layoutSaveTimer = new QTimer(this);
    m_layoutSaveTimer->setSingleShot(true);
    m_layoutSaveTimer->setInterval(750);
    connect(m_layoutSaveTimer, &QTimer::timeout, this, [this] { ColumnLayout::save(m_table, m_model); });
    auto save = [this] {
        // Not while the first load inserts its columns: the header then
        // shifts its indicator by itself, which is no choice of the user's.
        if (m_model->rowCount() > 0 && !m_applyingLayout)
            m_layoutSaveTimer->start();
    };
    connect(header, &QHeaderView::sectionResized, this, save);
    connect(header, &QHeaderView::sortIndicatorChanged, this, save);
    connect(header, &QHeaderView::sectionMoved, this, save);
    connect(m_model, &QAbstractItemModel::columnsInserted, this, [this] {
        applyColumnLayout();
    });
    tableLayout->addWidget(m_table, 1);

    m_emptyHint = new QLabel(tableHolder);
    m_emptyHint->setObjectName(u"emptyHint"_s);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setMargin(24);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);
    tableLayout->addWidget(m_emptyHint);

    auto *detail = new QWidget(m_splitter);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(6, 6, 6, 0);
    m_detailTitle = new QLabel(detail);
    m_detailTitle->setObjectName(u"detailTitle"_s);
    m_detailTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailTitle->setTextFormat(Qt::PlainText);
    QFont titleFont = m_detailTitle->font();
    titleFont.setBold(true);
    m_detailTitle->setFont(titleFont);
    detailLayout->addWidget(m_detailTitle);
    m_detailState = new QLabel(detail);
    m_detailState->setObjectName(u"detailState"_s);
    m_detailState->setTextFormat(Qt::PlainText);
    m_detailState->setWordWrap(true);
    m_detailState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailLayout->addWidget(m_detailState);

    m_detailTabs = new QTabWidget(detail);
    m_tree = new QTreeView(m_detailTabs);
    m_tree->setObjectName(u"familyTree"_s);
    m_tree->setModel(m_familyModel);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->resizeSection(FamilyTreeModel::NameColumn, 360);
    m_tree->header()->resizeSection(FamilyTreeModel::TypeColumn, 90);
    m_tree->header()->resizeSection(FamilyTreeModel::ValueColumn, 200);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &index) {
        if (m_familyModel->kind(index) != FamilyTreeModel::Kind::Series)
            return;
        SeriesRef ref;
        ref.group = m_familyModel->key();
        ref.family = index.data(FamilyTreeModel::FamilyNameRole).toString();
        ref.labels = index.data(FamilyTreeModel::LabelsRole).value<LabelPairs>();
        if (m_session)
            m_session->setTrackedSeries(ref);
    });
    m_raw = new QPlainTextEdit(m_detailTabs);
    m_raw->setObjectName(u"rawExposition"_s);
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detailTabs->addTab(m_tree, tr("Families"));
    m_detailTabs->addTab(m_raw, tr("Exposition text"));
    detailLayout->addWidget(m_detailTabs);

    m_splitter->addWidget(tableHolder);
    m_splitter->addWidget(detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->restoreState(QSettings().value(u"window/splitter"_s).toByteArray());
    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { QSettings().setValue(u"window/splitter"_s, m_splitter->saveState()); });
    layout->addWidget(m_splitter, 1);

    updateDetail(true);
    updateEmptyHint();
}

GatewayView::~GatewayView()
{
    if (m_layoutSaveTimer->isActive())
        ColumnLayout::save(m_table, m_model);
}

void GatewayView::applyColumnLayout()
{
    // Not a signal blocker: the view sorts on the header's
    // sortIndicatorChanged. The flag only keeps this from being saved.
    m_applyingLayout = true;
    ColumnLayout::apply(m_table, m_model);
    m_applyingLayout = false;
}

QString GatewayView::displayName() const
{
    return m_session ? m_session->displayName() : tr("Not connected");
}

void GatewayView::setSession(GatewaySession *session)
{
    if (session == m_session)
        return;
    if (m_layoutSaveTimer->isActive()) {
        m_layoutSaveTimer->stop();
        ColumnLayout::save(m_table, m_model);
    }
    for (const auto &connection : std::as_const(m_sessionConnections))
        disconnect(connection);
    m_sessionConnections.clear();
    m_session = session;
    // A different gateway: nothing of the old one may stay on screen.
    m_model->clear();
    m_familyModel->clear();
    m_detailKey = {};
    m_firstRefreshSeen = false;
    m_policyVersion = 0;
    if (m_session) {
        m_model->setPolicy(m_session->policy());
        m_policyVersion = m_session->policyVersion();
        m_model->tick(m_session->now());
        m_sessionConnections = {
            connect(m_session, &GatewaySession::refreshed, this, &GatewayView::onRefreshed),
            connect(m_session, &GatewaySession::refreshFailed, this, &GatewayView::onRefreshFailed),
            connect(m_session, &GatewaySession::stateChanged, this, &GatewayView::stateChanged),
            connect(m_session, &GatewaySession::restartDetected, this, [this] { updateEmptyHint(); }),
            connect(m_session, &GatewaySession::policyChanged, this, &GatewayView::syncPolicy),
            connect(m_session, &GatewaySession::trackedSeriesChanged, this, &GatewayView::trackedSeriesChanged),
            connect(m_session, &GatewaySession::ticked, this, [this](double now) {
                m_model->tick(now);
                updateDetailState();
                if (m_session->isOutdated())
                    updateBanner(); // the retry countdown
            }),
        };
        if (m_session->hasRefreshed())
            onRefreshed();
    }
    updateDetail(true);
    updateBanner();
    updateEmptyHint();
    Q_EMIT stateChanged();
}

void GatewayView::syncPolicy()
{
    // The session's policy moves on after reads that taught a cadence and
    // when the rules change; the table re-judges only then.
    if (!m_session || m_session->policyVersion() == m_policyVersion)
        return;
    m_policyVersion = m_session->policyVersion();
    m_model->setPolicy(m_session->policy());
    updateDetail(false);
}

void GatewayView::setAgeRange(double minAge, double maxAge)
{
    const bool on = maxAge > minAge;
    m_proxy->setMinimumAge(on ? minAge : 0);
    m_proxy->setMaximumAge(on ? maxAge : 0);
    updateEmptyHint();
    Q_EMIT stateChanged();
}

QString GatewayView::setFilterText(const QString &text)
{
    m_filterText = text;
    if (QString error = m_proxy->applyFilterBoxText(text); !error.isEmpty())
        return error; // the last valid filter stays while typing
    updateEmptyHint();
    Q_EMIT stateChanged();
    return {};
}

void GatewayView::setStateFilter(const QList<Staleness> &states)
{
    m_proxy->setAllowedStates(states);
    updateEmptyHint();
    Q_EMIT stateChanged();
}

void GatewayView::onRefreshed()
{
    syncPolicy();
    m_model->setGroups(m_session->groups(), m_session->now());
    updateDetail(false);
    updateBanner();
    updateEmptyHint();
    if (!m_firstRefreshSeen) {
        m_firstRefreshSeen = true;
        // Once the columns exist for real: the sort the view picked while
        // the model had only its fixed columns must not stick.
        applyColumnLayout();
        if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_table->selectionModel()->setCurrentIndex(m_proxy->index(0, 0),
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        Q_EMIT firstRefreshFinished();
    }
    Q_EMIT refreshed();
}

void GatewayView::onRefreshFailed()
{
    // The last good data stays, marked as outdated.
    updateBanner();
    updateEmptyHint();
    if (!m_firstRefreshSeen) {
        m_firstRefreshSeen = true;
        Q_EMIT firstRefreshFinished();
    }
    Q_EMIT refreshFailed();
}

QList<Group> GatewayView::selectedGroups() const
{
    // Not selectedRows(): a label column inserted by a refresh leaves its new
    // cells unselected, and selectedRows() would then drop the whole row.
    QList<Group> groups;
    QSet<int> seen;
    const auto indexes = m_table->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : indexes) {
        const int row = m_model->rowOf(index.data(GroupTableModel::KeyRole).value<GroupingKey>());
        if (row >= 0 && !seen.contains(row)) {
            seen.insert(row);
            groups.append(m_model->group(row));
        }
    }
    std::sort(groups.begin(), groups.end(), [](const Group &a, const Group &b) { return a.key < b.key; });
    return groups;
}

GroupingKey GatewayView::currentKey() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(GroupTableModel::KeyRole).value<GroupingKey>() : GroupingKey();
}

bool GatewayView::selectGroup(const GroupingKey &key)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(key));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void GatewayView::selectGroups(const QList<GroupingKey> &keys)
{
    QItemSelection selection;
    QModelIndex first;
    for (const GroupingKey &key : keys) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(key));
        if (!index.isValid())
            continue;
        if (!first.isValid())
            first = index;
        selection.select(index, index.siblingAtColumn(m_proxy->columnCount() - 1));
    }
    if (!first.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_table->scrollTo(first);
}

void GatewayView::copySelectedKeys() const
{
    QStringList keys;
    for (const Group &group : selectedGroups())
        keys << group.key.toString();
    if (!keys.isEmpty())
        QApplication::clipboard()->setText(keys.join(u'\n'));
}

void GatewayView::copySelectedAsCurl() const
{
    if (!m_session)
        return;
    QStringList commands;
    for (const Group &group : selectedGroups()) {
        const QUrl url = m_session->client()->urlFor(group.key.toPath());
        commands << u"curl -X DELETE "_s + shellQuote(url.toString(QUrl::FullyEncoded | QUrl::RemoveUserInfo));
    }
    if (!commands.isEmpty())
        QApplication::clipboard()->setText(commands.join(u'\n'));
}

void GatewayView::copyExposition() const
{
    if (m_detailKey.isValid())
        QApplication::clipboard()->setText(m_raw->toPlainText());
}

QString GatewayView::selectedAsPromQL() const
{
    QStringList lines;
    for (const Group &group : selectedGroups())
        lines << AlertRules::groupAgeQuery(group.key);
    return lines.join(u'\n');
}

QUrl GatewayView::prometheusGraphUrl() const
{
    if (m_prometheusUrl.isEmpty() || !m_session)
        return {};
    const GroupingKey key = currentKey();
    if (!key.isValid())
        return {};
    QStringList families;
    for (const Group &group : selectedGroups()) {
        if (group.key == key) {
            for (const MetricFamily &family : group.families)
                families << family.name;
        }
    }
    // The age, and the group's own series (its families, or everything with
    // its labels when it has none).
    return AlertRules::prometheusGraphUrl(m_prometheusUrl, {AlertRules::groupAgeQuery(key), AlertRules::groupSeriesQuery(key, families)});
}

void GatewayView::populateGroupMenu(QMenu *menu)
{
    menu->addAction(tr("Copy Grouping Key"), this, &GatewayView::copySelectedKeys);
    menu->addAction(tr("Copy as curl Delete Command"), this, &GatewayView::copySelectedAsCurl);
    menu->addAction(tr("Copy Exposition Text"), this, &GatewayView::copyExposition);
    QAction *promql = menu->addAction(tr("Copy as PromQL"), this, [this] {
        const QString text = selectedAsPromQL();
        if (!text.isEmpty())
            QApplication::clipboard()->setText(text);
    });
    promql->setObjectName(u"copyAsPromQLAction"_s);
    promql->setToolTip(tr("time() - push_time_seconds{...}: the group's age as Prometheus sees it (scraped with honor_labels: true)"));
    if (!m_prometheusUrl.isEmpty()) {
        QAction *open = menu->addAction(tr("Open in Prometheus"), this, [this] {
            const QUrl url = prometheusGraphUrl();
            if (url.isValid() && !url.isEmpty())
                QDesktopServices::openUrl(url);
        });
        open->setObjectName(u"openInPrometheusAction"_s);
        open->setEnabled(currentKey().isValid());
    }
    if (!m_extraActions.isEmpty()) {
        menu->addSeparator();
        menu->addActions(m_extraActions);
    }
}

void GatewayView::showGroupContextMenu(const QPoint &pos)
{
    if (!m_table->indexAt(pos).isValid())
        return;
    QMenu menu(this);
    populateGroupMenu(&menu);
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void GatewayView::updateDetail(bool keyChanged)
{
    const GroupingKey key = currentKey();
    const int row = key.isValid() ? m_model->rowOf(key) : -1;
    if (row < 0) {
        if (m_detailKey.isValid() || keyChanged) {
            m_familyModel->clear();
            m_raw->clear();
            m_detailKey = {};
        }
        m_detailTitle->setText(m_model->rowCount() ? tr("Select a group to see its metric families") : QString());
        updateDetailState();
        return;
    }
    const Group &group = m_model->group(row);
    // Light refreshes update push times only; content comes from the last
    // full read. When the group was pushed since, read its content now.
    const Poller *poller = m_session ? m_session->poller() : nullptr;
    if (poller && poller->lightPolling() && poller->lastFullRead().isValid()
        && group.pushTime * 1000 > poller->lastFullRead().toMSecsSinceEpoch()) {
        m_session->poller()->requestFull();
        if (keyChanged)
            m_session->refreshNow(true);
    }
    const bool merge = !keyChanged && key == m_detailKey && m_familyModel->hasGroup();
    m_familyModel->setGroup(group); // same key: merged in place, expansion survives
    if (!merge)
        m_tree->expandToDepth(0);
    m_detailKey = key;
    m_detailTitle->setText(key.toString());
    updateDetailState();

    // As the job pushed it: without the gateway's bookkeeping and without
    // the grouping-key labels the gateway adds to every series.
    ExpositionWriteOptions options;
    options.dropLabels = key.names();
    QString text = u"# Group %1\n# Last push %2%3\n"_s.arg(key.toString(), GroupTableModel::pushTimeText(group.pushTime),
                                                       group.lastPushSuccessful ? QString() : tr(" (the latest push failed)"));
    text += QString::fromUtf8(writeExposition(group.families, options));
    if (m_raw->toPlainText() != text) {
        const int scroll = m_raw->verticalScrollBar()->value();
        m_raw->setPlainText(text);
        if (merge)
            m_raw->verticalScrollBar()->setValue(scroll);
    }
}

void GatewayView::updateDetailState()
{
    // The table's verdict for the row, with the session's explanation: the
    // same state as the State column, and why.
    const int row = m_detailKey.isValid() ? m_model->rowOf(m_detailKey) : -1;
    if (row < 0 || !m_session) {
        m_detailState->clear();
        m_detailState->hide();
        return;
    }
    const StalenessVerdict &verdict = m_model->verdict(row);
    m_detailState->setText(tr("%1 \u2014 %2").arg(StateIcons::label(verdict.state), m_session->policy().explain(verdict)));
    m_detailState->show();
}

void GatewayView::updateBanner()
{
    if (!isShowingOutdatedData()) {
        m_banner->hide();
        return;
    }
    const Poller *poller = m_session->poller();
    const QString error = m_session->lastErrorText();
    QString text;
    const QDateTime last = poller->lastSuccess();
    if (last.isValid())
        text = tr("<b>Showing outdated data</b> from %1 — the last refresh failed: %2")
                   .arg(QLocale().toString(last.time(), QLocale::LongFormat).toHtmlEscaped(), error.toHtmlEscaped());
    else
        text = tr("<b>No data</b> — the gateway could not be read: %1").arg(error.toHtmlEscaped());
    const int next = poller->secondsUntilNextAttempt();
    if (next >= 0)
        text += tr(" · retrying in %1 s").arg(next);
    m_bannerText->setText(text);
    m_banner->show();
}

void GatewayView::updateEmptyHint()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    const bool read = m_session && m_session->hasRefreshed();
    QString hint;
    if (!m_session)
        hint = tr("Enter a gateway URL above (for example http://localhost:9091), or start PushDeck with --demo.");
    else if (total == 0 && read && !m_session->restartNotice().isEmpty())
        hint = m_session->restartNotice();
    else if (total == 0 && read)
        hint = tr("This gateway holds no groups.");
    else if (total > 0 && shown == 0)
        hint = tr("No group matches the filter.");
    else if (total == 0)
        hint = isShowingOutdatedData() ? tr("The gateway could not be read.") : tr("Reading the gateway…");
    m_emptyHint->setText(hint);
    m_emptyHint->setVisible(!hint.isEmpty());
}

} // namespace PushDeck
