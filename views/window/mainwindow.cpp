#include "views/window/mainwindow.h"

#include "views/charts/agechartview.h"
#include "views/charts/chartpanel.h"
#include "views/common/desktopnotifier.h"
#include "views/common/tones.h"
#include "staleness/groupexport.h"
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
#include "views/common/actionicons.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QKeyEvent>
#include <QMessageBox>
#include <QSaveFile>
#include <QScreen>
#include <QStandardItemModel>
#include <QWindow>
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
#include <QScrollArea>
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

    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(buildFilterBar());
    centralLayout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    buildStatusBar();
    buildDocks();
    buildHelpMenu();
    addGatewayTab();

    m_desktop = new DesktopNotifier(this);
    connect(m_desktop, &DesktopNotifier::activated, this, &MainWindow::openFromNotification);

    QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    if (!restoreState(settings.value(u"window/state"_s).toByteArray()))
        firstRunLayout();
    updateStatusBar();
}

void MainWindow::firstRunLayout()
{
    // The charts share one dock area as tabs, to the right of the table at
    // about a quarter of the screen: at 1280 pixels the table keeps about
    // 900, enough for the key columns, Age and State. The pitfalls panel
    // only opens in the demo (startDemo()).
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    const int width = screen ? screen->availableGeometry().width() : 1280;
    QList<QDockWidget *> charts = m_chartDocks;
    for (QDockWidget *dock : std::as_const(charts))
        addDockWidget(Qt::RightDockWidgetArea, dock);
    for (qsizetype i = 1; i < charts.size(); ++i)
        tabifyDockWidget(charts.at(0), charts.at(i));
    if (!charts.isEmpty()) {
        charts.at(0)->show();
        charts.at(0)->raise();
        resizeDocks({charts.at(0)}, {std::clamp(width / 4, 260, 520)}, Qt::Horizontal);
    }
    m_pitfallsDock->hide();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    m_refreshAction = new QAction(ActionIcons::icon(u"refresh"_s), tr("&Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setToolTip(tr("Read the gateway now (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        if (GatewaySession *session = currentSession())
            session->refreshNow(true);
    });

    m_pauseAction = new QAction(ActionIcons::icon(u"pause"_s), tr("&Pause"), this);
    m_pauseAction->setCheckable(true);
    // Not Ctrl+P: that is Print everywhere else.
    m_pauseAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), QKeySequence(Qt::Key_Pause)});
    m_pauseAction->setToolTip(tr("Pause polling of this gateway; ages keep ticking (Ctrl+Shift+P)"));
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
    connect(m_newTabAction, &QAction::triggered, this, &MainWindow::startNewTab);

    m_closeTabAction = new QAction(tr("&Close Tab"), this);
    m_closeTabAction->setShortcut(QKeySequence::Close);
    connect(m_closeTabAction, &QAction::triggered, this, [this] { closeTab(m_tabs->currentIndex()); });

    auto *focusFilter = new QAction(tr("&Filter"), this);
    focusFilter->setObjectName(u"focusFilterAction"_s);
    focusFilter->setShortcuts({QKeySequence::Find, QKeySequence(Qt::Key_Slash)});
    connect(focusFilter, &QAction::triggered, this, [this] {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });
    // Typing "/" into a text field types a slash: line edits take printable
    // keys before shortcuts, so "/" only jumps to the filter from elsewhere.
    addAction(focusFilter);
    m_focusFilterAction = focusFilter;

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
    const auto copied = [this](int n, const QString &what) {
        showMessage(n == 0 ? tr("Nothing to copy: select a group first.") : what, 4000);
    };
    auto *copyKey = m_groupMenu->addAction(tr("Copy &Grouping Key"), this, [this, copied] {
        const int n = currentView()->copySelectedKeys();
        copied(n, tr("Copied %n grouping key(s).", nullptr, n));
    });
    copyKey->setShortcut(QKeySequence::Copy);
    m_copyRowsAction = m_groupMenu->addAction(tr("Copy &Rows"), this, [this, copied] {
        const int n = currentView()->copySelectedRows();
        copied(n, tr("Copied %n row(s) as tab-separated text.", nullptr, n));
    });
    m_copyRowsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_groupMenu->addAction(tr("Copy as &curl Delete Command"), this, [this, copied] {
        const int n = currentView()->copySelectedAsCurl();
        copied(n, tr("Copied %n curl delete command(s).", nullptr, n));
    });
    m_groupMenu->addAction(tr("Copy &Exposition Text"), this, [this, copied] {
        const int n = currentView()->copyExposition();
        copied(n, tr("Copied the exposition text of %1.").arg(currentView()->currentKey().toString()));
    });
    m_groupMenu->addSeparator();
    m_exportAction = m_groupMenu->addAction(tr("E&xport Shown Groups…"), this, &MainWindow::exportTable);
    m_exportAction->setObjectName(u"exportAction"_s);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(tr("Write the groups the filter shows as CSV or JSON Lines"));

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
    m_notifyAction->setToolTip(tr("A desktop notification when groups turn stale or a push fails (at most one a minute per "
                                  "gateway); clicking it shows the groups"));
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
    m_urlCombo->setMinimumContentsLength(20);
    m_urlCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_urlCombo->lineEdit()->setPlaceholderText(u"http://localhost:9091"_s);
    m_urlCombo->setToolTip(tr("Base URL of the Pushgateway, with its route prefix if it has one. "
                              "Enter opens it in this tab, Ctrl+T in a new one."));
    m_urlCombo->addItems(QSettings().value(u"recentGateways"_s).toStringList());
    m_urlCombo->setCurrentText({});
    m_urlCombo->setAccessibleName(tr("Gateway URL"));
    // Keys reach the combo first (it hands them to its line edit by a direct
    // call that filters do not see): watch both.
    m_urlCombo->installEventFilter(this);
    m_urlCombo->lineEdit()->installEventFilter(this);
    connect(m_urlCombo->lineEdit(), &QLineEdit::returnPressed, this, [this] {
        openGateway(m_urlCombo->currentText(), m_newTabPending);
    });
    connect(m_urlCombo, &QComboBox::activated, this, [this](int index) {
        openGateway(m_urlCombo->itemText(index), m_newTabPending);
    });
    bar->addWidget(m_urlCombo);
    bar->addAction(m_newTabAction);
    bar->addSeparator();
    bar->addAction(m_refreshAction);
    bar->addAction(m_pauseAction);

    m_intervalCombo = new QComboBox(bar);
    m_intervalCombo->setObjectName(u"interval"_s);
    m_intervalCombo->setToolTip(tr("How often the gateway is read"));
    m_intervalCombo->setAccessibleName(tr("Refresh interval"));
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
    // Keyboard focus shows on the tool buttons too (Tab reaches them).
    for (QAction *action : bar->actions()) {
        if (QWidget *button = bar->widgetForAction(action); button && !qobject_cast<QComboBox *>(button))
            button->setFocusPolicy(Qt::TabFocus);
    }
}

QWidget *MainWindow::buildFilterBar()
{
    // The filter has a row of its own, so a narrow window (or a scale
    // factor of 2) never pushes it into the toolbar's overflow menu, and
    // there is room under it to say why a selector is invalid.
    auto *bar = new QWidget(this);
    bar->setObjectName(u"filterBar"_s);
    auto *grid = new QGridLayout(bar);
    grid->setContentsMargins(6, 4, 6, 4);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(2);

    m_filterEdit = new QLineEdit(bar);
    m_filterEdit->setObjectName(u"filter"_s);
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setPlaceholderText(tr("Filter: text, or a selector like {job=~\"nightly.*\"}  ( / )"));
    m_filterEdit->setAccessibleName(tr("Filter"));
    m_filterEdit->setAccessibleDescription(tr("Text contained in the grouping key, or a label selector starting with {. "
                                              "Enter moves to the table, Escape clears the filter."));
    m_filterEdit->installEventFilter(this);
    connect(m_filterEdit, &QLineEdit::textChanged, this, &MainWindow::onFilterEdited);
    grid->addWidget(m_filterEdit, 0, 0);

    m_stateCombo = new QComboBox(bar);
    m_stateCombo->setObjectName(u"stateFilter"_s);
    m_stateCombo->setToolTip(tr("Show only groups in a state"));
    m_stateCombo->setAccessibleName(tr("State filter"));
    m_stateCombo->addItem(tr("All states"), -1);
    m_stateCombo->addItem(StateIcons::icon(Staleness::Warning), tr("Needs attention"), -2);
    for (Staleness s : {Staleness::Fresh, Staleness::Warning, Staleness::Stale, Staleness::Failed, Staleness::Unknown})
        m_stateCombo->addItem(StateIcons::icon(s), StateIcons::label(s), int(s));
    m_stateCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_stateCombo, &QComboBox::currentIndexChanged, this, &MainWindow::applyStateFilter);
    grid->addWidget(m_stateCombo, 0, 1);

    m_filterError = new QLabel(bar);
    m_filterError->setObjectName(u"filterError"_s);
    m_filterError->setWordWrap(true);
    m_filterError->setTextFormat(Qt::PlainText);
    m_filterError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_filterError->hide();
    grid->addWidget(m_filterError, 1, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    return bar;
}

void MainWindow::buildHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto *dialog = new QDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Keyboard Shortcuts"));
        auto *layout = new QVBoxLayout(dialog);
        auto *table = new QTableView(dialog);
        table->setObjectName(u"shortcutTable"_s);
        auto *model = new QStandardItemModel(0, 2, table);
        model->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
        for (const auto &[what, keys] : shortcutList())
            model->appendRow({new QStandardItem(what), new QStandardItem(keys)});
        table->setModel(model);
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->verticalHeader()->setVisible(false);
        table->horizontalHeader()->setStretchLastSection(true);
        table->resizeColumnToContents(0);
        table->setAccessibleName(tr("Keyboard shortcuts"));
        layout->addWidget(table);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
        layout->addWidget(buttons);
        dialog->resize(std::min(560, width()), std::min(520, height()));
        dialog->open();
    });
    shortcuts->setObjectName(u"shortcutsAction"_s);
    shortcuts->setShortcut(QKeySequence::HelpContents);
    help->addSeparator();
    QAction *about = help->addAction(tr("&About PushDeck"), this, [this] {
        QMessageBox::about(this, tr("About PushDeck"), aboutText());
    });
    about->setObjectName(u"aboutAction"_s);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

QString MainWindow::aboutText() const
{
    const GatewaySession *session = currentSession();
    QString gateway;
    if (!session)
        gateway = tr("No gateway is open.");
    else if (session->hasStatus())
        gateway = tr("%1: Pushgateway %2 (revision %3, %4)")
                      .arg(session->displayName().toHtmlEscaped(), session->status().version.toHtmlEscaped(),
                           session->status().revision.toHtmlEscaped(), session->status().goVersion.toHtmlEscaped());
    else
        gateway = tr("%1: version not read yet").arg(session->displayName().toHtmlEscaped());
    return tr("<h3>PushDeck %1</h3>"
              "<p>A dashboard for the Prometheus Pushgateway: every group with its exact grouping key, "
              "last-push age and staleness, and safe, previewed clean-up.</p>"
              "<p>Qt %2 (built with %3)<br>%4</p>")
        .arg(QApplication::applicationVersion().toHtmlEscaped(), QString::fromLatin1(qVersion()),
             QStringLiteral(QT_VERSION_STR), gateway);
}

QList<std::pair<QString, QString>> MainWindow::shortcutList() const
{
    QList<std::pair<QString, QString>> list;
    QSet<QAction *> seen;
    const auto add = [&](QAction *action) {
        if (!action || seen.contains(action) || action->shortcuts().isEmpty())
            return;
        seen.insert(action);
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText));
        QString text = action->text();
        text.remove(u'&');
        text.remove(u"…"_s);
        list.append({text, keys.join(tr(" or "))});
    };
    for (QAction *menu : menuBar()->actions()) {
        if (!menu->menu())
            continue;
        for (QAction *action : menu->menu()->actions())
            add(action);
    }
    for (QAction *action : actions())
        add(action);
    list.append({tr("In the filter: go to the table"), QKeySequence(Qt::Key_Return).toString(QKeySequence::NativeText)});
    list.append({tr("In the filter: clear it"), QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText)});
    list.append({tr("Next and previous control"), tr("Tab, Shift+Tab")});
    return list;
}

Result<int> MainWindow::exportVisibleGroups(const QString &path)
{
    GatewayView *view = currentView();
    const GatewaySession *session = view ? view->session() : nullptr;
    if (!session)
        return Error::make(Error::Invalid, tr("No gateway is open."));
    const auto [groups, verdicts] = view->visibleGroups();
    const bool jsonLines = path.endsWith(u".jsonl"_s, Qt::CaseInsensitive) || path.endsWith(u".json"_s, Qt::CaseInsensitive);
    const QByteArray data = jsonLines ? groupsJsonLines(groups, verdicts, session->now())
                                      : groupsCsv(view->groupModel()->labelNames(), groups, verdicts, session->now());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return Error::make(Error::Invalid, tr("Cannot write %1: %2").arg(path, file.errorString()));
    return int(groups.size());
}

void MainWindow::exportTable()
{
    if (isFleetTabCurrent() || !currentSession()) {
        showMessage(tr("Open a gateway tab to export its groups."));
        return;
    }
    const QString csv = tr("CSV (*.csv)");
    const QString jsonl = tr("JSON Lines (*.jsonl)");
    QString filter = csv;
    QString path = QFileDialog::getSaveFileName(this, tr("Export the shown groups"), u"groups.csv"_s,
                                                csv + u";;"_s + jsonl, &filter);
    if (path.isEmpty())
        return;
    if (filter == jsonl && !path.endsWith(u".jsonl"_s, Qt::CaseInsensitive) && !path.endsWith(u".json"_s, Qt::CaseInsensitive))
        path += u".jsonl"_s;
    const Result<int> written = exportVisibleGroups(path);
    if (!written) {
        showMessage(written.errorString(), 0);
        return;
    }
    showMessage(tr("Exported %n group(s) to %1.", nullptr, written.value()).arg(path));
}

void MainWindow::showMessage(const QString &text, int timeoutMs)
{
    statusBar()->showMessage(text, timeoutMs);
}

void MainWindow::startNewTab()
{
    const QString text = m_urlCombo->currentText().trimmed();
    const GatewaySession *session = currentSession();
    const QString current = session ? session->url().toDisplayString(QUrl::RemoveUserInfo) : QString();
    // A URL typed into the box: open it. An empty box (or the current tab's
    // own URL): ask for one, and open it in a new tab on Enter.
    if (!text.isEmpty() && text != current) {
        openGateway(text, true);
        return;
    }
    m_newTabPending = true;
    m_urlCombo->setCurrentText({});
    m_urlCombo->lineEdit()->setPlaceholderText(tr("URL to open in a new tab, then Enter"));
    m_urlCombo->setFocus(Qt::ShortcutFocusReason);
    showMessage(tr("Type the gateway URL and press Enter to open it in a new tab (Escape cancels)."), 0);
}

void MainWindow::showUrlOfCurrentTab()
{
    // The box shows where the current tab is; a new tab typed into it is
    // only pending until Enter or Escape.
    m_newTabPending = false;
    m_urlCombo->lineEdit()->setPlaceholderText(u"http://localhost:9091"_s);
    const GatewaySession *session = isFleetTabCurrent() ? nullptr : currentSession();
    const QSignalBlocker blocker(m_urlCombo);
    m_urlCombo->setCurrentText(session ? session->url().toDisplayString(QUrl::RemoveUserInfo) : QString());
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    // The stroke colour of the action icons follows the palette.
    if (event->type() == QEvent::PaletteChange && m_refreshAction) {
        m_refreshAction->setIcon(ActionIcons::icon(u"refresh"_s));
        m_pauseAction->setIcon(ActionIcons::icon(u"pause"_s));
    }
}

bool MainWindow::event(QEvent *event)
{
    // Tabbed docks get a tab bar from QMainWindow (one per group, made when
    // docks are tabbed, also by the user): its default elides the titles to
    // "A…" in a narrow dock. Full titles with scroll buttons instead.
    if (event->type() == QEvent::ChildPolished) { // fully made and set up by then
        if (auto *bar = qobject_cast<QTabBar *>(static_cast<QChildEvent *>(event)->child())) {
            bar->setElideMode(Qt::ElideNone);
            bar->setUsesScrollButtons(true);
        }
    }
    return QMainWindow::event(event);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QMainWindow::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_filterEdit) {
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            // Escape clears the filter; on an empty filter it goes back to the table.
            if (!m_filterEdit->text().isEmpty())
                m_filterEdit->clear();
            else if (!isFleetTabCurrent())
                currentView()->groupTable()->setFocus(Qt::OtherFocusReason);
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && !isFleetTabCurrent()) {
            // Enter goes to the results: the first row unless one is current.
            QTableView *table = currentView()->groupTable();
            if (!table->currentIndex().isValid() && table->model()->rowCount() > 0)
                table->selectionModel()->setCurrentIndex(table->model()->index(0, 0),
                                                         QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            table->setFocus(Qt::OtherFocusReason);
            return true;
        }
    } else if (watched == m_urlCombo->lineEdit() || watched == m_urlCombo) {
        if (key->key() == Qt::Key_Escape && m_newTabPending) {
            showUrlOfCurrentTab();
            statusBar()->clearMessage();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
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
        showFilterError({});
    }
    showUrlOfCurrentTab();
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
    showUrlOfCurrentTab();
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
    m_demo = true;
    // The guide goes left of the table on wide screens (with room for the
    // Prometheus chart); tabbed with the charts (and in front) where the
    // table would get too narrow.
    const QScreen *screen = this->screen();
    if (screen && screen->availableGeometry().width() < 1600 && !m_chartDocks.isEmpty()) {
        addDockWidget(Qt::RightDockWidgetArea, m_pitfallsDock);
        tabifyDockWidget(m_chartDocks.constLast(), m_pitfallsDock);
    } else {
        addDockWidget(Qt::LeftDockWidgetArea, m_pitfallsDock);
        resizeDocks({m_pitfallsDock}, {std::max(420, width() / 4)}, Qt::Horizontal);
    }
    m_pitfallsDock->show();
    m_pitfallsDock->raise();
    m_tabs->setTabText(m_tabs->indexOf(view), tr("Demo %1").arg(view->displayName()));
    setWindowTitle(tr("Demo gateway %1 — PushDeck").arg(view->displayName()));
    showUrlOfCurrentTab(); // the demo's port, not the placeholder
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
    // Short dock titles: tabbed in a dock 300 pixels wide, "Age distribution"
    // and "Staleness over time" were cut to "Age distr…". The View menu and
    // the panels' accessible names say it in full.
    auto addDock = [this](QWidget *widget, const QString &title, const QString &fullTitle, const char *name) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(QString::fromLatin1(name));
        dock->setWidget(widget);
        dock->setAccessibleName(fullTitle);
        addDockWidget(Qt::RightDockWidgetArea, dock);
        dock->toggleViewAction()->setText(fullTitle);
        m_viewMenu->addAction(dock->toggleViewAction());
        return dock;
    };
    m_ageChart = new AgeChartView(this);
    m_trendChart = new StalenessTrendView(this);
    m_timelineChart = new PushTimelineView(this);
    m_valueChart = new ValueHistoryView(this);
    const std::array<std::tuple<ChartView *, QString, QString, const char *>, 4> charts{{
        {m_ageChart, tr("Ages"), tr("Age distribution"), "ageDock"},
        {m_trendChart, tr("Trend"), tr("Staleness over time"), "trendDock"},
        {m_timelineChart, tr("Pushes"), tr("Push timeline"), "timelineDock"},
        {m_valueChart, tr("Value"), tr("Value history"), "valueDock"},
    }};
    for (const auto &[chart, title, fullTitle, name] : charts) {
        auto *panel = new ChartPanel(chart, fullTitle, this);
        m_chartPanels.append(panel);
        QDockWidget *dock = addDock(panel, title, fullTitle, name);
        m_chartDocks.append(dock);
        // A dock brought forward shows current numbers at once.
        connect(dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
            if (visible)
                QTimer::singleShot(0, this, &MainWindow::updateCharts);
        });
    }
    for (qsizetype i = 1; i < m_chartDocks.size(); ++i)
        tabifyDockWidget(m_chartDocks.at(0), m_chartDocks.at(i));
    m_chartDocks.at(0)->raise();
    m_viewMenu->addAction(m_ops->showAuditLogAction());

    // Anti-pattern lint for every gateway; the guided pitfalls in --demo.
    m_lint = new LintModel(this);
    m_pitfallsDock = addDock(new QWidget(this), tr("Pitfalls"), tr("Pitfalls and lint"), "pitfallsDock");
    addDockWidget(Qt::LeftDockWidgetArea, m_pitfallsDock);
    setPitfallsPanel(nullptr);
    m_pitfallsDock->hide();
    m_presenterAction = m_viewMenu->addAction(tr("&Presenter Mode"));
    m_presenterAction->setObjectName(u"presenterAction"_s);
    m_presenterAction->setCheckable(true);
    m_presenterAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_presenterAction->setToolTip(tr("Larger fonts; only the Pitfalls panel and the groups table"));
    connect(m_presenterAction, &QAction::toggled, this, &MainWindow::setPresenterMode);

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
    if (!message || !m_notifyAction->isChecked())
        return;
    const QString title = tr("%1 on %2").arg(message->title, view->displayName());
    // The desktop's notification service first (GNOME has no tray); the
    // tray where there is no such service.
    if (m_desktop->isAvailable()) {
        QVariantMap context;
        context.insert(u"gateway"_s, view->session() ? view->session()->url().toString() : QString());
        QStringList keys;
        for (const GroupingKey &key : message->keys)
            keys.append(key.toString());
        context.insert(u"keys"_s, keys);
        m_desktop->notify(title, message->body, context);
        return;
    }
    if (!QSystemTrayIcon::isSystemTrayAvailable())
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
    m_tray->showMessage(title, message->body, QSystemTrayIcon::Warning, 10000);
}

void MainWindow::openFromNotification(const QVariant &context)
{
    const QVariantMap map = context.toMap();
    const QString url = map.value(u"gateway"_s).toString();
    GatewayView *target = nullptr;
    for (GatewayView *view : std::as_const(m_views)) {
        if (view->session() && view->session()->url().toString() == url)
            target = view;
    }
    if (isMinimized())
        showNormal();
    raise();
    activateWindow();
    if (!target) {
        showMessage(tr("The gateway of that notification is no longer open."));
        return;
    }
    m_tabs->setCurrentWidget(target);
    QList<GroupingKey> keys;
    for (const QString &text : map.value(u"keys"_s).toStringList()) {
        if (const auto key = GroupingKey::parse(text))
            keys.append(key.value());
    }
    // Groups a filter hides would not be selected: show them all first.
    if (!keys.isEmpty() && !target->selectGroup(keys.constFirst())) {
        m_filterEdit->clear();
        m_stateCombo->setCurrentIndex(0);
    }
    target->selectGroups(keys);
    target->groupTable()->setFocus(Qt::OtherFocusReason);
    showMessage(tr("%n group(s) from the notification selected.", nullptr, int(keys.size())));
}

void MainWindow::setPitfallsPanel(DemoScenarios *scenarios, DemoPrometheus *prometheus)
{
    auto *panel = new PitfallsPanel(scenarios, m_lint, prometheus, m_pitfallsDock);
    connect(panel, &PitfallsPanel::groupsActivated, this, [this](const QList<GroupingKey> &keys) {
        currentView()->selectGroups(keys);
    });
    // In a scroll area: the guide's parts together are taller than a small
    // screen (721 px with the default font; 960×540 logical at a scale of
    // 2), and a dock's minimum would push the window off the screen.
    auto *scroll = new QScrollArea(m_pitfallsDock);
    scroll->setObjectName(u"pitfallsScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(panel);
    if (QWidget *old = m_pitfallsDock->widget())
        old->deleteLater(); // the old panel with it
    m_pitfalls = panel;
    m_pitfallsDock->setWidget(scroll);
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
    const bool visible[] = {m_chartPanels.at(0)->isVisible(), m_chartPanels.at(1)->isVisible(),
                            m_chartPanels.at(2)->isVisible(), m_chartPanels.at(3)->isVisible()};
    if (!visible[0] && !visible[1] && !visible[2] && !visible[3])
        return; // only what is visible costs anything
    // The charts show what the table shows: the rows the filter lets
    // through, judged as the table judged them (the session's verdicts).
    GatewayView *view = currentView();
    const bool filtering = view->filterProxy()->isFiltering();
    if (visible[0] || visible[2]) {
        const auto [groups, verdicts] = view->visibleGroups();
        if (visible[0])
            m_ageChart->setGroups(groups, verdicts, now);
        if (visible[2]) {
            QStringList jobs;
            if (filtering) {
                for (const Group &group : groups)
                    jobs.append(group.key.job());
                jobs.removeDuplicates();
                // No group shown: a lane for no job at all.
                if (jobs.isEmpty())
                    jobs.append(QString());
            }
            m_timelineChart->setJobFilter(jobs);
            m_timelineChart->setHistory(session->history(), now);
        }
    }
    if (visible[1]) {
        // The history counts every group at each poll; a filter cannot be
        // applied to the past, and the chart says so.
        m_trendChart->setNote(filtering ? tr("all groups, not only those the filter shows") : QString());
        m_trendChart->setHistory(session->history(), now);
    }
    if (visible[3])
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
    // The demo's docks (its pitfalls panel) are not the everyday layout.
    if (!m_demo)
        settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"poll/intervalMs"_s, m_intervalCombo->currentData().toInt());
}

void MainWindow::onFilterEdited(const QString &text)
{
    const QString error = isFleetTabCurrent() ? m_fleetGroups->setFilterText(text) : currentView()->setFilterText(text);
    showFilterError(error);
    if (error.isEmpty()) {
        m_filterEdit->setToolTip(text.trimmed().startsWith(u'{') ? tr("Label selector over grouping keys")
                                                                 : tr("Text contained in the grouping key"));
        updateCharts();
    }
}

void MainWindow::showFilterError(const QString &error)
{
    // Said under the box, in the palette's error colour, and the box tinted:
    // no style sheet, so the style draws focus and frame as always.
    QPalette palette = m_filterEdit->parentWidget()->palette();
    if (error.isEmpty()) {
        m_filterEdit->setPalette(palette);
        m_filterError->clear();
        m_filterError->hide();
        m_filterEdit->setAccessibleDescription(tr("Text contained in the grouping key, or a label selector starting with {. "
                                                  "Enter moves to the table, Escape clears the filter."));
        return;
    }
    palette.setColor(QPalette::Base, Tones::errorBackground(palette));
    m_filterEdit->setPalette(palette);
    m_filterEdit->setToolTip(error);
    m_filterError->setPalette(Tones::errorTextPalette(m_filterError->parentWidget()->palette()));
    m_filterError->setText(tr("Invalid selector, the last valid filter still applies: %1").arg(error));
    m_filterError->show();
    m_filterEdit->setAccessibleDescription(m_filterError->text());
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
    updateCharts();
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
