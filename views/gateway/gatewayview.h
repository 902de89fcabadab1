#pragma once
// Everything PushDeck shows of one gateway: its groups table (sortable,
// filterable), the selected group's families and exposition text, and the
// outdated banner. Each view polls its gateway on its own, so one slow or
// dead gateway never delays another.

#include "staleness/cadencetracker.h"
#include "core/metrics.h"
#include "staleness/stalenesshistory.h"
#include "staleness/stalenesspolicy.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTableView;
class QTabWidget;
class QTreeView;

namespace PushDeck {

class DemoSeeder;
class FamilyTreeModel;
class GatewayClient;
struct ClientOptions;
class GroupFilterProxy;
class GroupTableModel;
class LocalGateway;
class Poller;
struct Error;

class GatewayView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayView)
public:
    explicit GatewayView(QWidget *parent = nullptr);
    ~GatewayView() override;

    // Connects to a gateway and starts polling. Returns an error message for
    // a bad URL (nothing changes then), empty on success.
    QString openGateway(const QString &url, int intervalMs);
    // The same with connection options (credentials, TLS) for the client.
    QString openGateway(const QString &url, int intervalMs, const ClientOptions &options);
    // Opens the demo gateway; polling starts once the seeder filled it.
    void startDemo(LocalGateway *gateway, int intervalMs);
    void stop();

    GatewayClient *client() const { return m_client; }
    Poller *poller() const { return m_poller; }
    DemoSeeder *demoSeeder() const { return m_seeder; }
    GroupTableModel *groupModel() const { return m_model; }
    GroupFilterProxy *filterProxy() const { return m_proxy; }
    FamilyTreeModel *familyModel() const { return m_familyModel; }
    QTableView *groupTable() const { return m_table; }
    QPlainTextEdit *rawView() const { return m_raw; }
    QWidget *outdatedBanner() const { return m_banner; }
    QSplitter *splitter() const { return m_splitter; }

    QString displayName() const; // the title if set, else host:port/prefix
    // A name for this connection (a profile's); reset by openGateway().
    void setTitle(const QString &title);
    bool isShowingOutdatedData() const { return m_outdated; }
    QString lastErrorText() const { return m_lastErrorText; }
    bool hasStatus() const { return m_hasStatus; }
    const GatewayStatus &gatewayStatus() const { return m_status; }
    // The groups of the last successful refresh (empty before one).
    const QList<Group> &lastGroups() const { return m_lastGroups; }
    QList<Group> selectedGroups() const;
    GroupingKey currentKey() const;
    bool selectGroup(const GroupingKey &key);
    void selectGroups(const QList<GroupingKey> &keys);

    // The configured rules; learned cadences are added on every refresh.
    void setPolicy(const StalenessPolicy &policy);
    const StalenessPolicy &policy() const;
    const StalenessPolicy &configuredPolicy() const { return m_rules; }
    const CadenceTracker &cadenceTracker() const { return m_cadence; }
    // Counts per poll, push events and the tracked series' values.
    const StalenessHistory &history() const { return m_history; }
    // Filters to an age range (an age-chart bar) and state; all off when
    // maxAge <= minAge.
    void setAgeRange(double minAge, double maxAge);
    // The filter text as typed in the toolbar: a selector when it starts
    // with `{`, else free text. Returns the selector error, empty when valid.
    QString setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }
    void setStateFilter(const QList<Staleness> &states);
    // Actions the context menu offers besides the copy actions.
    void setExtraContextActions(const QList<QAction *> &actions) { m_extraActions = actions; }

    // Copy actions' work, for the window's menu.
    void copySelectedKeys() const;
    void copySelectedAsCurl() const;
    void copyExposition() const;

Q_SIGNALS:
    void firstRefreshFinished();
    void refreshed();
    void refreshFailed();
    void stateChanged();          // poller state, status, outdatedness: for the status bar
    void currentGroupChanged();
    // The series picked in the families tree (followed by the value history).
    void trackedSeriesChanged();

private:
    void onRefreshed(const QList<Group> &groups, double now);
    void onRefreshFailed(const Error &error);
    void onTick();
    void updateDetail(bool keyChanged);
    void updateBanner();
    void updateEmptyHint();
    void showGroupContextMenu(const QPoint &pos);
    void applyColumnLayout();

    GatewayClient *m_client = nullptr;
    Poller *m_poller = nullptr;
    DemoSeeder *m_seeder = nullptr;
    bool m_firstRefreshSeen = false;
    bool m_outdated = false;
    bool m_hasStatus = false;
    QString m_lastErrorText;
    QString m_title;
    QString m_filterText;
    GatewayStatus m_status;
    StalenessPolicy m_rules;
    CadenceTracker m_cadence;
    StalenessHistory m_history;
    QList<Group> m_lastGroups;
    QList<QAction *> m_extraActions;

    GroupTableModel *m_model;
    GroupFilterProxy *m_proxy;
    FamilyTreeModel *m_familyModel;
    GroupingKey m_detailKey;

    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QLabel *m_emptyHint = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_detailTitle = nullptr;
    QTabWidget *m_detailTabs = nullptr;
    QTreeView *m_tree = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    QTimer *m_tickTimer = nullptr;
    QTimer *m_layoutSaveTimer = nullptr;
    bool m_applyingLayout = false;
};

} // namespace PushDeck
