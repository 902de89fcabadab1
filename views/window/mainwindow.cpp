#include "views/window/mainwindow.h"

#include "views/charts/agechartview.h"
#include "demo/demoprometheus.h"
#include "demo/demoscenarios.h"
#include "demo/demoseeder.h"
#include "items/lintmodel.h"
#include "views/demo/pitfallspanel.h"
#include "items/fleetgroupsmodel.h"
#include "views/fleet/fleetgroupsview.h"
#include "items/fleetmodel.h"
#include "views/fleet/fleetoperations.h"
#include "views/operations/operationscontroller.h"
#include "views/charts/pushtimelineview.h"
#include "views/staleness/rulesdialog.h"
#include "staleness/stalenessnotifier.h"
#include "staleness/stalenessrules.h"
#include "views/charts/stalenesstrendview.h"
#include "views/charts/valuehistoryview.h"
#include "gateway/gatewayclient.h"
#include "session/gatewaysession.h"
#include "views/gateway/gatewayview.h"
#include "items/groupfilterproxy.h"
#include "items/grouptablemodel.h"
#include "gateway/localgateway.h"
#include "gateway/poller.h"
#include "views/common/stateicons.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QTimer>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

constexpr int MaxRecentGateways = 10;

QIcon themedIcon(const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(name), QApplication::style()->standardIcon(fallback));
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_fleet(new FleetModel(this))
{
    setWindowTitle(tr("PushDeck"));
    setDockNestingEnabled(true);
    {
        QSettings settings;
        const auto saved = StalenessRules::readSettings(settings);
        if (saved)
            m_policy = saved.value();
    }
    m_ops = new OperationsController(this, {}, {}, this);
    m_ops->setSelectionProvider([this] {
        // On the Fleet tab, Del must not act on a gateway tab's hidden selection.
        return currentView() && !isFleetTabCurrent() ? currentView()->selectedGroups() : QList<Group>();
    });
    connect(m_ops, &OperationsController::message, this, [this](const QString &text, bool error) {
        statusBar()->showMessage(text, error ? 0 : 8000);
    });
    buildActions();
    buildToolBar();

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"gatewayTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(false);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);

    // The fleet overview: shown as the first tab once two gateways are open.
    m_fleetPage = new QWidget(this);
    auto *fleetLayout = new QVBoxLayout(m_fleetPage);
    fleetLayout->setContentsMargins(0, 0, 0, 0);
    m_fleetTable = new QTableView(m_fleetPage);
    m_fleetTable->setObjectName(u"fleetTable"_s);
    auto *fleetSort = new QSortFilterProxyModel(m_fleetTable);
    fleetSort->setSourceModel(m_fleet);
    fleetSort->setSortRole(FleetModel::SortRole);
    m_fleetTable->setModel(fleetSort);
    m_fleetTable->setSortingEnabled(true);
    m_fleetTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_fleetTable->verticalHeader()->setVisible(false);
    m_fleetTable->horizontalHeader()->setStretchLastSection(true);
    m_fleetTable->horizontalHeader()->resizeSection(FleetModel::NameColumn, 240);
    m_fleetTable->setAlternatingRowColors(true);
    connect(m_fleetTable, &QAbstractItemView::activated, this, [this, fleetSort](const QModelIndex &index) {
        const int row = fleetSort->mapToSource(index).row();
        if (row >= 0 && row < m_views.size())
            m_tabs->setCurrentWidget(m_views[row]);
    });
    auto *fleetHint = new QLabel(tr("Every open gateway, polled independently. Double-click a row to open its tab."), m_fleetPage);
    fleetHint->setMargin(6);
    fleetLayout->addWidget(fleetHint);
    buildFleetGroups(m_fleetPage, fleetLayout);
    m_fleetPage->hide();

    setCentralWidget(m_tabs);
    buildStatusBar();
    buildDocks();
    addGatewayTab();

    QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    restoreState(settings.value(u"window/state"_s).toByteArray());
    updateStatusBar();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    m_refreshAction = new QAction(themedIcon("view-refresh", QStyle::SP_BrowserReload), tr("&Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setToolTip(tr("Read the gateway now (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        if (GatewaySession *session = currentSession())
            session->refreshNow(true);
    });

    m_pauseAction = new QAction(themedIcon("media-playback-pause", QStyle::SP_MediaPause), tr("&Pause"), this);
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcut(Qt::CTRL | Qt::Key_P);
    m_pauseAction->setToolTip(tr("Pause polling of this gateway; ages keep ticking (Ctrl+P)"));
    connect(m_pauseAction, &QAction::toggled, this, [this](bool paused) {
        GatewaySession *session = currentSession();
        if (!session)
            return;
        if (paused)
            session->pause();
        else
            session->resume();
        updateStatusBar();
    });

    m_newTabAction = new QAction(themedIcon("tab-new", QStyle::SP_FileDialogNewFolder), tr("Open in &New Tab"), this);
    m_newTabAction->setShortcut(QKeySequence::AddTab);
    m_newTabAction->setToolTip(tr("Open the URL in the gateway field in a new tab (Ctrl+T)"));
    connect(m_newTabAction, &QAction::triggered, this, [this] { openGateway(m_urlCombo->currentText(), true); });

    m_closeTabAction = new QAction(tr("&Close Tab"), this);
    m_closeTabAction->setShortcut(QKeySequence::Close);
    connect(m_closeTabAction, &QAction::triggered, this, [this] { closeTab(m_tabs->currentIndex()); });

    auto *focusFilter = new QAction(tr("&Filter"), this);
    focusFilter->setShortcut(QKeySequence::Find);
    connect(focusFilter, &QAction::triggered, this, [this] {
        m_filterEdit->setFocus();
        m_filterEdit->selectAll();
    });
    addAction(focusFilter);

    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    m_gatewayMenu = menuBar()->addMenu(tr("&Gateway"));
    m_gatewayMenu->addAction(m_refreshAction);
    m_gatewayMenu->addAction(m_pauseAction);
    m_gatewayMenu->addSeparator();
    m_gatewayMenu->addAction(m_newTabAction);
    m_gatewayMenu->addAction(m_closeTabAction);
    m_gatewayMenu->addSeparator();
    m_gatewayMenu->addAction(quit);

    m_groupMenu = menuBar()->addMenu(tr("G&roup"));
    auto *copyKey = m_groupMenu->addAction(tr("Copy &Grouping Key"), this, [this] { currentView()->copySelectedKeys(); });
    copyKey->setShortcut(QKeySequence::Copy);
    m_groupMenu->addAction(tr("Copy as &curl Delete Command"), this, [this] { currentView()->copySelectedAsCurl(); });
    m_groupMenu->addAction(tr("Copy &Exposition Text"), this, [this] { currentView()->copyExposition(); });

    m_operationsMenu = menuBar()->addMenu(tr("&Operations"));
    for (QAction *action : m_ops->actions()) {
        if (action)
            m_operationsMenu->addAction(action);
        else
            m_operationsMenu->addSeparator();
    }
    // Shortcuts (Del, Ctrl+Z) work window-wide once the actions live here.
    addActions(m_ops->mutatingActions());

    QMenu *staleness = menuBar()->addMenu(tr("&Staleness"));
    QAction *rules = staleness->addAction(tr("&Rules and Alerts…"), this, &MainWindow::openRulesDialog);
    rules->setObjectName(u"rulesAction"_s);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(focusFilter);
    m_notifyAction = m_viewMenu->addAction(tr("Desktop &Notifications"));
    m_notifyAction->setCheckable(true);
    m_notifyAction->setChecked(QSettings().value(u"notifications/enabled"_s, true).toBool());
    m_notifyAction->setToolTip(tr("A tray message when groups turn stale or failed (at most one a minute per gateway)"));
    connect(m_notifyAction, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(u"notifications/enabled"_s, on); });
    m_viewMenu->addSeparator();
}

void MainWindow::buildToolBar()
{
    QToolBar *bar = addToolBar(tr("Gateway"));
    bar->setObjectName(u"gatewayToolBar"_s);
    bar->setMovable(false);
    // Icons only: the filter field needs the width (every action has a tooltip).
    bar->setToolButtonStyle(Qt::ToolButtonIconOnly);

    bar->addWidget(new QLabel(tr("Gateway "), bar));
    m_urlCombo = new QComboBox(bar);
    m_urlCombo->setObjectName(u"gatewayUrl"_s);
    m_urlCombo->setEditable(true);
    m_urlCombo->setInsertPolicy(QComboBox::NoInsert);
    m_urlCombo->setMinimumContentsLength(26);
    m_urlCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_urlCombo->lineEdit()->setPlaceholderText(u"http://localhost:9091"_s);
    m_urlCombo->setToolTip(tr("Base URL of the Pushgateway, with its route prefix if it has one. "
                              "Enter opens it in this tab, Ctrl+T in a new one."));
    m_urlCombo->addItems(QSettings().value(u"recentGateways"_s).toStringList());
    m_urlCombo->setCurrentText({});
    connect(m_urlCombo->lineEdit(), &QLineEdit::returnPressed, this, [this] { openGateway(m_urlCombo->currentText()); });
    connect(m_urlCombo, &QComboBox::activated, this, [this](int index) { openGateway(m_urlCombo->itemText(index)); });
    bar->addWidget(m_urlCombo);
    bar->addAction(m_newTabAction);
    bar->addSeparator();
    bar->addAction(m_refreshAction);
    bar->addAction(m_pauseAction);

    m_intervalCombo = new QComboBox(bar);
    m_intervalCombo->setObjectName(u"interval"_s);
    m_intervalCombo->setToolTip(tr("How often the gateway is read"));
    for (int seconds : {2, 5, 10, 30, 60, 300})
        m_intervalCombo->addItem(seconds < 60 ? tr("every %1 s").arg(seconds) : tr("every %1 min").arg(seconds / 60), seconds * 1000);
    const int index = m_intervalCombo->findData(QSettings().value(u"poll/intervalMs"_s, 10000).toInt());
    m_intervalCombo->setCurrentIndex(index >= 0 ? index : 2);
    connect(m_intervalCombo, &QComboBox::currentIndexChanged, this, [this] {
        for (GatewayView *view : std::as_const(m_views)) {
            if (GatewaySession *session = view->session())
                session->setIntervalMs(m_intervalCombo->currentData().toInt());
        }
    });
    bar->addWidget(m_intervalCombo);
    bar->addSeparator();
    bar->addAction(m_ops->deleteAction());
    bar->addAction(m_ops->pruneAction());
    bar->addAction(m_ops->undoAction());
    bar->addSeparator();

    m_filterEdit = new QLineEdit(bar);
    m_filterEdit->setObjectName(u"filter"_s);
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setPlaceholderText(tr("Filter: text, or a selector like {job=~\"nightly.*\"}  (Ctrl+F)"));
    m_filterEdit->setMinimumWidth(320);
    connect(m_filterEdit, &QLineEdit::textChanged, this, &MainWindow::onFilterEdited);
    bar->addWidget(m_filterEdit);

    m_stateCombo = new QComboBox(bar);
    m_stateCombo->setObjectName(u"stateFilter"_s);
    m_stateCombo->setToolTip(tr("Show only groups in a state"));
    m_stateCombo->addItem(tr("All states"), -1);
    m_stateCombo->addItem(StateIcons::icon(Staleness::Warning), tr("Needs attention"), -2);
    for (Staleness s : {Staleness::Fresh, Staleness::Warning, Staleness::Stale, Staleness::Failed, Staleness::Unknown})
        m_stateCombo->addItem(StateIcons::icon(s), StateIcons::label(s), int(s));
    connect(m_stateCombo, &QComboBox::currentIndexChanged, this, &MainWindow::applyStateFilter);
    bar->addWidget(m_stateCombo);
}

void MainWindow::buildStatusBar()
{
    auto make = [this](const char *name) {
        auto *label = new QLabel(statusBar());
        label->setObjectName(QString::fromLatin1(name));
        label->setContentsMargins(6, 0, 6, 0);
        statusBar()->addPermanentWidget(label);
        return label;
    };
    m_statusState = make("statusState");
    m_statusGroups = make("statusGroups");
    m_statusRefresh = make("statusRefresh");
    m_statusGateway = make("statusGateway");
    m_statusAdmin = make("statusAdmin");
}

GatewayView *MainWindow::addGatewayTab()
{
    auto *view = new GatewayView(m_tabs);
    m_views.append(view);
    m_fleetGroups->model()->addGateway(view->groupModel(), view->displayName());
    GatewaySummary summary;
    summary.name = view->displayName();
    m_fleet->appendGateway(summary);
    connect(view, &GatewayView::stateChanged, this, [this, view] {
        updateFleet(view);
        if (view == currentView())
            updateStatusBar();
    });
    connect(view, &GatewayView::refreshed, this, [this, view] {
        if (view != currentView())
            return;
        m_ops->updateActions();
        updateCharts();
        Q_EMIT refreshed();
    });
    connect(view, &GatewayView::refreshed, this, [this, view] { notifyTransitions(view); });
    connect(view, &GatewayView::currentGroupChanged, this, [this, view] {
        if (view == currentView())
            m_ops->updateActions();
    });
    connect(view, &GatewayView::trackedSeriesChanged, this, [this, view] {
        if (view == currentView())
            updateCharts();
    });
    QList<QAction *> extra;
    for (QAction *action : {m_ops->deleteAction(), m_ops->rePushAction(), m_ops->pushAction()})
        extra << action;
    view->setExtraContextActions(extra);
    connect(view, &GatewayView::refreshFailed, this, [this, view] {
        if (view == currentView())
            Q_EMIT refreshFailed();
    });
    connect(view, &GatewayView::firstRefreshFinished, this, [this] {
        if (!m_firstRefreshSeen) {
            m_firstRefreshSeen = true;
            Q_EMIT firstRefreshFinished();
        }
    });
    m_tabs->addTab(view, view->displayName());
    m_tabs->setCurrentWidget(view);
    updateFleetVisibility();
    return view;
}

void MainWindow::closeTab(int index)
{
    auto *view = qobject_cast<GatewayView *>(m_tabs->widget(index));
    if (!view)
        return; // the fleet page is not closable by itself
    // The session goes once its running operations (a move, a restore, a
    // bulk delete) have finished and been audited.
    if (GatewaySession *session = view->session()) {
        view->setSession(nullptr);
        session->close();
    }
    if (m_views.size() == 1) {
        // Keep one tab: closing the last one disconnects it instead.
        m_fleetGroups->model()->removeGateway(view->groupModel());
        m_fleetKeyVersions.remove(view);
        const int row = 0;
        m_views.removeAt(row);
        m_fleet->removeGateway(row);
        m_tabs->removeTab(index);
        view->deleteLater();
        addGatewayTab();
        Q_EMIT gatewayTabClosed(view);
        return;
    }
    m_fleetGroups->model()->removeGateway(view->groupModel());
    m_notifiers.remove(view);
    m_fleetKeyVersions.remove(view);
    const int row = int(m_views.indexOf(view));
    m_views.removeAt(row);
    m_fleet->removeGateway(row);
    m_tabs->removeTab(index);
    view->deleteLater();
    updateFleetVisibility();
    Q_EMIT gatewayTabClosed(view);
}

void MainWindow::updateFleetVisibility()
{
    const int fleetIndex = m_tabs->indexOf(m_fleetPage);
    if (m_views.size() >= 2 && fleetIndex < 0) {
        m_tabs->insertTab(0, m_fleetPage, tr("Fleet"));
        m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
        m_tabs->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    } else if (m_views.size() < 2 && fleetIndex >= 0) {
        m_tabs->removeTab(fleetIndex);
    }
}

GatewayView *MainWindow::currentView() const
{
    if (auto *view = qobject_cast<GatewayView *>(m_tabs->currentWidget()))
        return view;
    return m_views.isEmpty() ? nullptr : m_views.last();
}

QList<GatewayView *> MainWindow::views() const
{
    return m_views;
}

void MainWindow::onCurrentTabChanged()
{
    GatewayView *view = currentView();
    if (!view)
        return;
    {
        const QSignalBlocker blocker(m_filterEdit);
        m_filterEdit->setText(isFleetTabCurrent() ? m_fleetGroups->filterText() : view->filterText());
        m_filterEdit->setStyleSheet({});
    }
    applyStateFilter();
    const QSignalBlocker pauseBlocker(m_pauseAction);
    m_pauseAction->setChecked(view->session() && view->session()->isPaused());
    connectOperations(view);
    updateCharts();
    updateStatusBar();
}

void MainWindow::connectOperations(GatewayView *view)
{
    m_ops->setSession(view->session());
    m_ops->updateActions();
}

GatewaySession *MainWindow::newSession(const QUrl &url, const ClientOptions &options)
{
    auto *session = new GatewaySession(url, options, GatewaySession::Persistence::ReadWrite, this);
    session->setIntervalMs(m_intervalCombo->currentData().toInt());
    session->setConfiguredPolicy(m_policy);
    session->setSnapshotStore(&m_ops->snapshotStore());
    session->setAuditLog(&m_ops->auditLog());
    return session;
}

void MainWindow::showSession(GatewayView *view, GatewaySession *session)
{
    if (GatewaySession *old = view->session()) {
        view->setSession(nullptr);
        old->close();
    }
    view->setSession(session);
}

QString MainWindow::lastGateway() const
{
    return QSettings().value(u"recentGateways"_s).toStringList().value(0);
}

void MainWindow::rememberGateway(const QString &url)
{
    QSettings settings;
    QStringList recent = settings.value(u"recentGateways"_s).toStringList();
    recent.removeAll(url);
    recent.prepend(url);
    while (recent.size() > MaxRecentGateways)
        recent.removeLast();
    settings.setValue(u"recentGateways"_s, recent);
    const QSignalBlocker blocker(m_urlCombo);
    m_urlCombo->clear();
    m_urlCombo->addItems(recent);
    m_urlCombo->setCurrentIndex(0);
}

bool MainWindow::openGateway(const QString &text, bool newTab)
{
    const auto url = GatewayClient::normalizeUrl(text);
    if (!url) {
        statusBar()->showMessage(url.errorString());
        return false;
    }
    GatewayView *view = currentView();
    if (newTab && view->session())
        view = addGatewayTab();
    GatewaySession *session = newSession(*url, ClientOptions{});
    showSession(view, session);
    session->start();
    view->setFilterText(m_filterEdit->text());
    connectOperations(view);
    applyStateFilter();
    m_tabs->setTabText(m_tabs->indexOf(view), view->displayName());
    m_tabs->setTabToolTip(m_tabs->indexOf(view), url->toDisplayString(QUrl::RemoveUserInfo));
    rememberGateway(url->toDisplayString(QUrl::RemoveUserInfo));
    setWindowTitle(tr("%1 — PushDeck").arg(view->displayName()));
    const QSignalBlocker pauseBlocker(m_pauseAction);
    m_pauseAction->setChecked(false);
    statusBar()->clearMessage();
    updateFleet(view);
    updateStatusBar();
    return true;
}

GatewayView *MainWindow::openConnection(const QUrl &url, const ClientOptions &options, const QString &title)
{
    const auto normalized = GatewayClient::normalizeUrl(url.toString());
    if (!normalized)
        return nullptr;
    GatewayView *view = currentView();
    if (view->session())
        view = addGatewayTab();
    GatewaySession *session = newSession(*normalized, options);
    session->setTitle(title);
    showSession(view, session);
    session->start();
    view->setFilterText(m_filterEdit->text());
    const int index = m_tabs->indexOf(view);
    m_tabs->setTabText(index, title);
    m_tabs->setTabToolTip(index, url.toDisplayString(QUrl::RemoveUserInfo));
    m_tabs->setCurrentWidget(view);
    connectOperations(view);
    applyStateFilter();
    updateFleetVisibility();
    updateFleet(view);
    updateStatusBar();
    return view;
}

void MainWindow::startDemo(LocalGateway *gateway, LocalPrometheus *prometheus)
{
    GatewayView *view = currentView();
    if (view->session())
        view = addGatewayTab();
    // The demo's rules judge this run (every view of it agrees, the rules
    // dialog shows and edits them); they are not saved over the user's.
    m_persistPolicy = false;
    setPolicy(DemoSeeder::demoPolicy());
    GatewaySession *session = newSession(gateway->url(), ClientOptions{});
    showSession(view, session);
    // Polling starts once the seeder has filled the gateway.
    auto *seeder = new DemoSeeder(session->client(), session);
    connect(seeder, &DemoSeeder::seeded, session, &GatewaySession::start);
    seeder->start();
    connectOperations(view);
    // The guided pitfalls act on this demo gateway only.
    auto *scenarios = new DemoScenarios(session, gateway, seeder, session);
    // The Prometheus side of each step; without Prometheus it says what
    // Prometheus would add (the process belongs to whoever runs the demo).
    auto *side = new DemoPrometheus(scenarios, session, prometheus, session);
    setPitfallsPanel(scenarios, side);
    m_pitfallsDock->show();
    // The scenarios, the table and Prometheus side by side need the room.
    resizeDocks({m_pitfallsDock}, {std::max(460, width() * 2 / 5)}, Qt::Horizontal);
    m_tabs->setTabText(m_tabs->indexOf(view), tr("Demo %1").arg(view->displayName()));
    setWindowTitle(tr("Demo gateway %1 — PushDeck").arg(view->displayName()));
    updateFleet(view);
    updateStatusBar();
}

void MainWindow::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_ops->setReadOnly(readOnly);
    updateStatusBar();
}

void MainWindow::setPolicy(const StalenessPolicy &edited)
{
    // The configuration only: each session adds the cadences it learned.
    StalenessPolicy policy = edited;
    policy.setLearnedCadences({});
    m_policy = policy;
    if (m_persistPolicy) {
        QSettings settings;
        StalenessRules::writeSettings(settings, policy);
    }
    for (GatewayView *view : std::as_const(m_views)) {
        if (GatewaySession *session = view->session())
            session->setConfiguredPolicy(policy);
    }
    updateCharts();
}

Result<Done> MainWindow::loadRulesFile(const QString &path)
{
    const auto policy = StalenessRules::load(path);
    if (!policy)
        return policy.error();
    setPolicy(policy.value());
    return Done{};
}

void MainWindow::openRulesDialog()
{
    GatewaySession *session = currentSession();
    // What the dialog judges by: the rules as configured, with the cadences
    // learned on the current gateway, at its clock: the same verdicts as
    // the table.
    StalenessPolicy policy = m_policy;
    if (session)
        policy.setLearnedCadences(session->policy().learnedCadences());
    auto *dialog = new RulesDialog(policy, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (session) {
        dialog->setCurrentGateway(session->url());
        dialog->setGroups(session->groups(), session->now());
    }
    if (!m_persistPolicy)
        dialog->setNote(tr("The demo's rules: changes apply to this run and are not saved."));
    connect(dialog, &RulesDialog::applied, this, &MainWindow::setPolicy);
    dialog->open();
}

void MainWindow::buildDocks()
{
    auto addDock = [this](QWidget *widget, const QString &title, const char *name, Qt::DockWidgetArea area) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(QString::fromLatin1(name));
        dock->setWidget(widget);
        addDockWidget(area, dock);
        m_viewMenu->addAction(dock->toggleViewAction());
        return dock;
    };
    m_ageChart = new AgeChartView(this);
    m_trendChart = new StalenessTrendView(this);
    m_timelineChart = new PushTimelineView(this);
    m_valueChart = new ValueHistoryView(this);
    for (QWidget *chart : {static_cast<QWidget *>(m_ageChart), static_cast<QWidget *>(m_trendChart),
                           static_cast<QWidget *>(m_timelineChart), static_cast<QWidget *>(m_valueChart)})
        chart->setMinimumSize(320, 200);
    QDockWidget *age = addDock(m_ageChart, tr("Age distribution"), "ageDock", Qt::RightDockWidgetArea);
    QDockWidget *trend = addDock(m_trendChart, tr("Staleness over time"), "trendDock", Qt::RightDockWidgetArea);
    QDockWidget *timeline = addDock(m_timelineChart, tr("Push timeline"), "timelineDock", Qt::RightDockWidgetArea);
    QDockWidget *value = addDock(m_valueChart, tr("Value history"), "valueDock", Qt::RightDockWidgetArea);
    tabifyDockWidget(age, trend);
    tabifyDockWidget(trend, timeline);
    tabifyDockWidget(timeline, value);
    age->raise();
    m_viewMenu->addAction(m_ops->showAuditLogAction());

    // Anti-pattern lint for every gateway; the guided pitfalls in --demo.
    m_lint = new LintModel(this);
    m_pitfallsDock = addDock(new QWidget(this), tr("Pitfalls and lint"), "pitfallsDock", Qt::LeftDockWidgetArea);
    setPitfallsPanel(nullptr);
    m_pitfallsDock->hide();
    m_presenterAction = m_viewMenu->addAction(tr("&Presenter Mode"));
    m_presenterAction->setObjectName(u"presenterAction"_s);
    m_presenterAction->setCheckable(true);
    m_presenterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_presenterAction->setToolTip(tr("Larger fonts; only the Pitfalls panel and the groups table"));
    connect(m_presenterAction, &QAction::toggled, this, &MainWindow::setPresenterMode);
    // First-run proportions: the groups table keeps most of the width.
    resizeDocks({age, m_pitfallsDock}, {360, 270}, Qt::Horizontal);

    // Clicking a bar shows exactly those groups in the table.
    connect(m_ageChart, &AgeChartView::bucketClicked, this, [this](double minAge, double maxAge, Staleness state) {
        GatewayView *view = currentView();
        view->setAgeRange(minAge, maxAge);
        m_stateCombo->setCurrentIndex(m_stateCombo->findData(int(state)));
        statusBar()->showMessage(tr("Showing %1 groups aged %2 — choose \"All states\" to show all again")
                                     .arg(StateIcons::label(state).toLower(), AgeChartView::bucketLabel(AgeChartView::bucketOf(minAge))));
    });
    // Ages move on between polls: redraw the charts now and then.
    m_chartTimer = new QTimer(this);
    m_chartTimer->setInterval(5000);
    connect(m_chartTimer, &QTimer::timeout, this, &MainWindow::updateCharts);
    m_chartTimer->start();
}

void MainWindow::notifyTransitions(GatewayView *view)
{
    auto &notifier = m_notifiers[view];
    if (!notifier)
        notifier = std::make_shared<StalenessNotifier>(60);
    QHash<GroupingKey, Staleness> states;
    const GroupTableModel *model = view->groupModel();
    states.reserve(model->rowCount());
    for (int row = 0; row < model->rowCount(); ++row)
        states.insert(model->group(row).key, model->verdict(row).state);
    const auto message = notifier->observe(states, QDateTime::currentMSecsSinceEpoch() / 1000.0);
    if (!message || !m_notifyAction->isChecked() || !QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(windowIcon().isNull() ? QApplication::windowIcon() : windowIcon(), this);
        m_tray->setToolTip(tr("PushDeck"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
        m_tray->show();
    }
    m_tray->showMessage(tr("%1 on %2").arg(message->title, view->displayName()), message->body,
                        QSystemTrayIcon::Warning, 10000);
}

void MainWindow::setPitfallsPanel(DemoScenarios *scenarios, DemoPrometheus *prometheus)
{
    auto *panel = new PitfallsPanel(scenarios, m_lint, prometheus, m_pitfallsDock);
    connect(panel, &PitfallsPanel::groupsActivated, this, [this](const QList<GroupingKey> &keys) {
        currentView()->selectGroups(keys);
    });
    if (m_pitfalls)
        m_pitfalls->deleteLater();
    m_pitfalls = panel;
    m_pitfallsDock->setWidget(panel);
    panel->setPresenterMode(m_presenter);
}

void MainWindow::setPresenterMode(bool on)
{
    if (on == m_presenter)
        return;
    m_presenter = on;
    if (m_presenterAction->isChecked() != on)
        m_presenterAction->setChecked(on);
    const auto docks = findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly);
    const auto bars = findChildren<QToolBar *>(Qt::FindDirectChildrenOnly);
    if (on) {
        m_stateBeforePresenter = saveState();
        for (QDockWidget *dock : docks)
            dock->setVisible(dock == m_pitfallsDock);
        for (QToolBar *bar : bars)
            bar->hide();
        statusBar()->hide();
        QFont big = font();
        big.setPointSizeF(big.pointSizeF() * PitfallsPanel::PresenterScale);
        m_tabs->setFont(big);
        m_pitfallsDock->setFont(big);
    } else {
        m_tabs->setFont(QFont());
        m_pitfallsDock->setFont(QFont());
        for (QToolBar *bar : bars)
            bar->show();
        statusBar()->show();
        restoreState(m_stateBeforePresenter);
    }
    // The table only: each gateway's detail pane goes while presenting.
    for (GatewayView *view : std::as_const(m_views)) {
        if (view->splitter() && view->splitter()->count() > 1)
            view->splitter()->widget(1)->setVisible(!on);
    }
    if (m_pitfalls)
        m_pitfalls->setPresenterMode(on);
    if (on) {
        // No chart docks beside the table now: the panel gets half the width,
        // and the table's columns fit the larger font.
        resizeDocks({m_pitfallsDock}, {width() / 2}, Qt::Horizontal);
        if (GatewayView *view = currentView(); view && view->groupTable()) {
            m_presentedTable = view->groupTable();
            m_headerBeforePresenter = view->groupTable()->horizontalHeader()->saveState();
            view->groupTable()->resizeColumnsToContents();
        }
    } else if (m_presentedTable) {
        // The user's column widths, not the presenter's.
        m_presentedTable->horizontalHeader()->restoreState(m_headerBeforePresenter);
        m_presentedTable.clear();
    }
}

void MainWindow::updateCharts()
{
    GatewaySession *session = currentSession();
    if (!m_ageChart)
        return;
    if (!session) {
        m_lint->updateInBackground({}, m_policy, 0);
        return;
    }
    const double now = session->now();
    m_lint->updateInBackground(session->groups(), session->policy(), now);
    // Only what is visible costs anything: hidden docks are skipped.
    if (m_ageChart->isVisible())
        m_ageChart->setGroups(session->groups(), session->policy(), now);
    if (m_trendChart->isVisible())
        m_trendChart->setHistory(session->history(), now);
    if (m_timelineChart->isVisible())
        m_timelineChart->setHistory(session->history(), now);
    if (m_valueChart->isVisible())
        m_valueChart->setHistory(session->history(), now);
}

void MainWindow::shutdown()
{
    saveSettings();
    for (GatewayView *view : std::as_const(m_views)) {
        if (GatewaySession *session = view->session())
            session->stop();
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveSettings()
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"poll/intervalMs"_s, m_intervalCombo->currentData().toInt());
}

void MainWindow::onFilterEdited(const QString &text)
{
    const QString error = isFleetTabCurrent() ? m_fleetGroups->setFilterText(text) : currentView()->setFilterText(text);
    if (!error.isEmpty()) {
        m_filterEdit->setStyleSheet(u"QLineEdit { border: 1px solid #d62b2b; }"_s);
        m_filterEdit->setToolTip(error);
        statusBar()->showMessage(tr("Selector: %1").arg(error));
        return;
    }
    m_filterEdit->setStyleSheet({});
    m_filterEdit->setToolTip(text.trimmed().startsWith(u'{') ? tr("Label selector over grouping keys")
                                                             : tr("Text contained in the grouping key"));
    statusBar()->clearMessage();
}

void MainWindow::applyStateFilter()
{
    const int value = m_stateCombo->currentData().toInt();
    QList<Staleness> states;
    if (value == -2)
        states = {Staleness::Warning, Staleness::Stale, Staleness::Failed};
    else if (value >= 0)
        states = {Staleness(value)};
    if (isFleetTabCurrent()) {
        m_fleetGroups->setStateFilter(states);
        return;
    }
    if (value == -1)
        currentView()->setAgeRange(0, 0); // "All states" also ends an age-chart filter
    currentView()->setStateFilter(states);
}

void MainWindow::updateFleet(GatewayView *view)
{
    const int row = int(m_views.indexOf(view));
    if (row < 0)
        return;
    GatewaySummary s;
    s.name = view->displayName();
    const GatewaySession *session = view->session();
    if (session)
        s.url = session->url();
    const Poller *p = session ? session->poller() : nullptr;
    s.refreshed = session && session->hasRefreshed();
    s.reachable = s.refreshed && !view->isShowingOutdatedData();
    s.error = view->lastErrorText();
    s.version = session && session->hasStatus() ? session->status().version : QString();
    const GroupTableModel *model = view->groupModel();
    s.groups = model->rowCount();
    for (int i = 0; i < model->rowCount(); ++i)
        ++s.states[size_t(model->verdict(i).state)];
    // The set of 10,000 keys is rebuilt only when a group came or went.
    const auto known = m_fleetKeyVersions.constFind(view);
    if (known != m_fleetKeyVersions.cend() && *known == model->keySetVersion()) {
        s.keys = m_fleet->gateway(row).keys; // shared: compared by pointer
    } else {
        s.keys.reserve(model->rowCount());
        for (int i = 0; i < model->rowCount(); ++i)
            s.keys.insert(model->group(i).key);
        m_fleetKeyVersions.insert(view, model->keySetVersion());
    }
    if (p) {
        s.lastRefresh = p->lastSuccess();
        s.lastDurationMs = p->lastDurationMs();
    }
    m_fleet->updateGateway(row, s);
    m_fleetGroups->model()->setGateway(view->groupModel(), s.name, s.url);
    const int tab = m_tabs->indexOf(view);
    if (tab >= 0) {
        const int bad = s.states[size_t(Staleness::Stale)] + s.states[size_t(Staleness::Failed)];
        m_tabs->setTabIcon(tab, !s.reachable && session ? StateIcons::icon(Staleness::Failed)
                                : bad > 0                        ? StateIcons::icon(Staleness::Stale)
                                                                 : QIcon());
    }
}

void MainWindow::updateStatusBar()
{
    GatewayView *view = currentView();
    if (!view)
        return;
    const int total = view->groupModel()->rowCount();
    const int shown = view->filterProxy()->rowCount();
    const QString groups = total == 1 ? tr("1 group") : tr("%1 groups").arg(total);
    m_statusGroups->setText(shown == total ? groups : tr("%1 of %2 shown").arg(shown).arg(groups));

    const GatewaySession *session = view->session();
    const Poller *p = session ? session->poller() : nullptr;
    if (!p) {
        m_statusState->setText(m_readOnly ? tr("Not connected · read-only") : tr("Not connected"));
        m_statusRefresh->clear();
        m_statusGateway->clear();
        m_statusAdmin->clear();
        return;
    }
    QString state;
    switch (p->state()) {
    case Poller::State::Fetching: state = tr("Refreshing…"); break;
    case Poller::State::Paused: state = tr("Paused"); break;
    case Poller::State::BackingOff: state = tr("Gateway unreachable"); break;
    case Poller::State::Waiting:
    case Poller::State::Idle: state = view->isShowingOutdatedData() ? tr("Outdated") : tr("Live"); break;
    }
    if (m_readOnly)
        state += tr(" · read-only");
    m_statusState->setText(state);
    const QDateTime last = p->lastSuccess();
    m_statusRefresh->setText(last.isValid() ? tr("refreshed %1 in %2 ms%3")
                                                  .arg(QLocale().toString(last.time(), QLocale::LongFormat))
                                                  .arg(p->lastDurationMs())
                                                  .arg(p->lastRefreshWasFull() ? QString() : tr(" (push times only)"))
                                            : tr("not refreshed yet"));
    const QString url = session->url().toDisplayString(QUrl::RemoveUserInfo);
    m_statusGateway->setText(session->hasStatus() ? tr("%1 · Pushgateway %2").arg(url, session->status().version) : url);
    m_statusAdmin->setText(!session->hasStatus()                ? QString()
                           : session->status().adminApiEnabled ? tr("admin API on")
                                                               : tr("admin API off"));
}

QString MainWindow::statusText() const
{
    QStringList parts;
    for (QLabel *label : {m_statusState, m_statusGroups, m_statusRefresh, m_statusGateway, m_statusAdmin})
        parts << label->text();
    return parts.join(u" | "_s);
}

GroupTableModel *MainWindow::groupModel() const { return currentView()->groupModel(); }
GroupFilterProxy *MainWindow::filterProxy() const { return currentView()->filterProxy(); }
FamilyTreeModel *MainWindow::familyModel() const { return currentView()->familyModel(); }
QTableView *MainWindow::groupTable() const { return currentView()->groupTable(); }
QPlainTextEdit *MainWindow::rawView() const { return currentView()->rawView(); }
Poller *MainWindow::poller() const { return currentSession() ? currentSession()->poller() : nullptr; }
GatewaySession *MainWindow::currentSession() const { return currentView() ? currentView()->session() : nullptr; }
QWidget *MainWindow::outdatedBanner() const { return currentView()->outdatedBanner(); }
bool MainWindow::isShowingOutdatedData() const { return currentView()->isShowingOutdatedData(); }
GroupingKey MainWindow::currentKey() const { return currentView()->currentKey(); }
bool MainWindow::selectGroup(const GroupingKey &key) { return currentView()->selectGroup(key); }

bool MainWindow::isFleetTabCurrent() const
{
    return m_tabs && m_fleetPage && m_tabs->currentWidget() == m_fleetPage;
}

// The Fleet tab: the per-gateway overview above, every group of every
// gateway below, and the operations across gateways.
void MainWindow::buildFleetGroups(QWidget *page, QLayout *layout)
{
    m_fleetGroups = new FleetGroupsView(page);
    auto *split = new QSplitter(Qt::Vertical, page);
    split->setObjectName(u"fleetSplitter"_s);
    split->addWidget(m_fleetTable);
    split->addWidget(m_fleetGroups);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    layout->addWidget(split);

    m_fleetOps = new FleetOperations(this, m_fleetGroups, m_ops, [this] {
        QList<FleetTarget> targets;
        for (GatewayView *view : std::as_const(m_views)) {
            GatewaySession *session = view->session();
            if (!session)
                continue;
            FleetTarget target;
            target.name = view->displayName();
            target.session = session;
            target.groups = session->groups();
            target.model = view->groupModel();
            targets.append(target);
        }
        return targets;
    }, this);
    m_fleetGroups->setContextActions(m_fleetOps->actions());
    m_operationsMenu->addSeparator();
    m_operationsMenu->addActions(m_fleetOps->actions());
    connect(m_fleetOps, &FleetOperations::message, this,
            [this](const QString &text, bool error) { statusBar()->showMessage(text, error ? 0 : 8000); });
    connect(m_fleetOps, &FleetOperations::operationFinished, this, [this] {
        m_ops->refreshLatestSnapshot();
    });
    connect(m_fleetGroups, &FleetGroupsView::groupActivated, this, [this](GroupTableModel *model, const GroupingKey &key) {
        for (GatewayView *view : std::as_const(m_views)) {
            if (view->groupModel() == model) {
                m_tabs->setCurrentWidget(view);
                view->selectGroup(key);
                return;
            }
        }
    });
    connect(m_tabs, &QTabWidget::currentChanged, m_fleetOps, &FleetOperations::updateActions);
}

} // namespace PushDeck
