#pragma once
// The PushDeck main window: a tab per open gateway (GatewayView), a fleet
// overview when several are open, the shared toolbar (gateway URL, refresh,
// pause, interval, filter) and a status bar for the current gateway.

#include "core/metrics.h"
#include "staleness/stalenesspolicy.h"
#include "core/result.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <memory>

class QDockWidget;
class QSystemTrayIcon;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class QTabWidget;

namespace PushDeck {

struct ClientOptions;
class AgeChartView;
class ChartPanel;
class DemoPrometheus;
class DesktopNotifier;
class DemoScenarios;
class LocalPrometheus;
class LintModel;
class PitfallsPanel;
class StalenessNotifier;
class FleetModel;
class FleetGroupsView;
class FleetOperations;
class OperationsController;
class PushTimelineView;
class StalenessTrendView;
class ValueHistoryView;
class FamilyTreeModel;
class GatewayView;
class GatewaySession;
class GroupFilterProxy;
class GroupTableModel;
class LocalGateway;
class Poller;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The most recently used gateway URL from the settings, or empty.
    QString lastGateway() const;
    // Opens a gateway in the current tab (a new one when `newTab`). Bad URLs
    // are reported in the status bar; returns false then.
    bool openGateway(const QString &url, bool newTab = false);
    // Opens a gateway with connection options (a profile's credentials and
    // TLS settings) in a new tab named `title` (the empty first tab is
    // reused). Returns the view, or null for a bad URL.
    GatewayView *openConnection(const QUrl &url, const ClientOptions &options, const QString &title);
    QMenu *gatewayMenu() const { return m_gatewayMenu; }
    // Opens the demo gateway in a tab, seeds it and starts polling once seeded.
    // `prometheus` (may be nullptr: not installed) scrapes the demo gateway;
    // the Pitfalls panel shows what it sees. Neither is owned.
    void startDemo(LocalGateway *gateway, LocalPrometheus *prometheus = nullptr);
    // Saves the settings and stops polling; called before the app exits.
    void shutdown();

    // The current gateway tab (never null: there is always one).
    GatewayView *currentView() const;
    QList<GatewayView *> views() const;
    FleetModel *fleetModel() const { return m_fleet; }
    // The Fleet tab's table of every group on every gateway, and the
    // operations across gateways.
    FleetGroupsView *fleetGroupsView() const { return m_fleetGroups; }
    FleetOperations *fleetOperations() const { return m_fleetOps; }
    bool isFleetTabCurrent() const;
    QTabWidget *tabs() const { return m_tabs; }
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    OperationsController *operations() const { return m_ops; }
    // The staleness rules every gateway is judged by (saved in the settings).
    const StalenessPolicy &policy() const { return m_policy; }
    void setPolicy(const StalenessPolicy &policy);
    // Loads the rules from a file (--rules) and applies them.
    Result<Done> loadRulesFile(const QString &path);
    AgeChartView *ageChart() const { return m_ageChart; }
    StalenessTrendView *trendChart() const { return m_trendChart; }
    PushTimelineView *timelineChart() const { return m_timelineChart; }
    ValueHistoryView *valueChart() const { return m_valueChart; }
    PitfallsPanel *pitfallsPanel() const { return m_pitfalls; }
    // Presenter mode (View menu): larger fonts, only the Pitfalls panel and
    // the groups table; everything else comes back when it is turned off.
    void setPresenterMode(bool on);
    bool isPresenterMode() const { return m_presenter; }
    QAction *presenterAction() const { return m_presenterAction; }
    LintModel *lintModel() const { return m_lint; }

    // For tests and the screenshot mode: the current tab's parts.
    GroupTableModel *groupModel() const;
    GroupFilterProxy *filterProxy() const;
    FamilyTreeModel *familyModel() const;
    QTableView *groupTable() const;
    QPlainTextEdit *rawView() const;
    Poller *poller() const;
    QWidget *outdatedBanner() const;
    bool isShowingOutdatedData() const;
    GroupingKey currentKey() const;
    bool selectGroup(const GroupingKey &key);
    QLineEdit *filterEdit() const { return m_filterEdit; }
    // Under the filter: why a selector is invalid (hidden while it is valid).
    QLabel *filterError() const { return m_filterError; }
    QComboBox *stateFilter() const { return m_stateCombo; }
    QComboBox *urlBox() const { return m_urlCombo; }
    // The chart docks' contents (chart, summary and table view).
    QList<ChartPanel *> chartPanels() const { return m_chartPanels; }
    DesktopNotifier *desktopNotifier() const { return m_desktop; }
    // Writes the rows the filter shows (in the table's order) as CSV or, for
    // a name ending in .jsonl or .json, JSON Lines. Returns how many.
    Result<int> exportVisibleGroups(const QString &path);
    // Every shortcut: what it does and its keys, for the Help menu.
    QList<std::pair<QString, QString>> shortcutList() const;
    // The About text: versions of PushDeck, Qt and the current gateway.
    QString aboutText() const;
    QString statusText() const; // the status bar's labels, joined
    // The current tab's gateway, nullptr when it is not connected.
    GatewaySession *currentSession() const;

Q_SIGNALS:
    // The first refresh of the first gateway finished (ok or failed).
    void firstRefreshFinished();
    // Any refresh of the current gateway.
    void refreshed();
    void refreshFailed();
    // A gateway tab was closed by the user (the view is deleted later).
    void gatewayTabClosed(GatewayView *view);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    void buildActions();
    void buildToolBar();
    QWidget *buildFilterBar();
    void buildHelpMenu();
    void showMessage(const QString &text, int timeoutMs = 8000);
    void startNewTab();
    void showUrlOfCurrentTab();
    void openFromNotification(const QVariant &context);
    void exportTable();
    // Docks placed for the screen the window is on, when nothing was saved.
    void firstRunLayout();
    void buildStatusBar();
    GatewayView *addGatewayTab();
    void closeTab(int index);
    void onCurrentTabChanged();
    void onFilterEdited(const QString &text);
    void showFilterError(const QString &error);
    void applyStateFilter();
    void updateStatusBar();
    void updateFleet(GatewayView *view);
    void updateFleetVisibility();
    void rememberGateway(const QString &url);
    void saveSettings();
    void buildDocks();
    void updateCharts();
    void connectOperations(GatewayView *view);
    // A session for a gateway with the window's policy, interval, snapshot
    // store and audit log; shown in `view` (its old session closes).
    GatewaySession *newSession(const QUrl &url, const ClientOptions &options);
    void showSession(GatewayView *view, GatewaySession *session);
    void openRulesDialog();

    QTabWidget *m_tabs = nullptr;
    QWidget *m_fleetPage = nullptr;
    QTableView *m_fleetTable = nullptr;
    FleetModel *m_fleet = nullptr;
    FleetGroupsView *m_fleetGroups = nullptr;
    FleetOperations *m_fleetOps = nullptr;
    void buildFleetGroups(QWidget *page, QLayout *layout);
    QList<GatewayView *> m_views; // in fleet-model row order
    bool m_firstRefreshSeen = false;
    bool m_readOnly = false;

    QComboBox *m_urlCombo = nullptr;
    QComboBox *m_intervalCombo = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QLabel *m_filterError = nullptr;
    QAction *m_focusFilterAction = nullptr;
    QAction *m_slashAction = nullptr;
    QAction *m_copyRowsAction = nullptr;
    QAction *m_exportAction = nullptr;
    bool m_newTabPending = false; // Ctrl+T on an empty box: Enter opens a new tab
    QList<ChartPanel *> m_chartPanels;
    QList<QDockWidget *> m_chartDocks;
    DesktopNotifier *m_desktop = nullptr;
    bool m_demo = false;
    QComboBox *m_stateCombo = nullptr;
    QLabel *m_statusState = nullptr;
    QLabel *m_statusGroups = nullptr;
    QLabel *m_statusRefresh = nullptr;
    QLabel *m_statusGateway = nullptr;
    QLabel *m_statusAdmin = nullptr;

    QAction *m_refreshAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_newTabAction = nullptr;
    QAction *m_closeTabAction = nullptr;
    QMenu *m_groupMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_gatewayMenu = nullptr;
    QMenu *m_operationsMenu = nullptr;
    OperationsController *m_ops = nullptr;
    StalenessPolicy m_policy;
    bool m_persistPolicy = true; // false in --demo: the demo's rules are not saved
    AgeChartView *m_ageChart = nullptr;
    StalenessTrendView *m_trendChart = nullptr;
    PushTimelineView *m_timelineChart = nullptr;
    ValueHistoryView *m_valueChart = nullptr;
    QTimer *m_chartTimer = nullptr;
    LintModel *m_lint = nullptr;
    PitfallsPanel *m_pitfalls = nullptr;
    QDockWidget *m_pitfallsDock = nullptr;
    void setPitfallsPanel(DemoScenarios *scenarios, DemoPrometheus *prometheus = nullptr);
    void notifyTransitions(GatewayView *view);
    QSystemTrayIcon *m_tray = nullptr;
    QAction *m_notifyAction = nullptr;
    QAction *m_presenterAction = nullptr;
    bool m_presenter = false;
    QByteArray m_stateBeforePresenter;
    QPointer<QTableView> m_presentedTable;
    QByteArray m_headerBeforePresenter;
    QHash<GatewayView *, std::shared_ptr<StalenessNotifier>> m_notifiers;
    QHash<const GatewayView *, quint64> m_fleetKeyVersions; // GroupTableModel::keySetVersion() at the last updateFleet
};

} // namespace PushDeck
