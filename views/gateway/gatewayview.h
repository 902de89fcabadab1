#pragma once
// Everything PushDeck shows of one gateway: its groups table (sortable,
// filterable), the selected group's families and exposition text, and the
// outdated banner. It presents a GatewaySession, which owns the gateway's
// client, polling, policy, history and operations; the view only shows them
// and forwards what the user asks for.

#include "core/metrics.h"
#include "session/gatewaysession.h"

#include <QPointer>
#include <QUrl>
#include <QSet>
#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTableView;
class QTabWidget;
class QTreeView;

class QMenu;

namespace PushDeck {

class FamilyTreeModel;
class GroupFilterProxy;
class GroupTableModel;

class GatewayView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayView)
public:
    explicit GatewayView(QWidget *parent = nullptr);
    ~GatewayView() override;

    // The gateway shown (not owned; nullptr: not connected). A different
    // session replaces everything on screen.
    void setSession(GatewaySession *session);
    GatewaySession *session() const { return m_session; }

    GroupTableModel *groupModel() const { return m_model; }
    GroupFilterProxy *filterProxy() const { return m_proxy; }
    FamilyTreeModel *familyModel() const { return m_familyModel; }
    QTableView *groupTable() const { return m_table; }
    QPlainTextEdit *rawView() const { return m_raw; }
    // The selected group's state and why, above its families.
    QLabel *detailStateLabel() const { return m_detailState; }
    QWidget *outdatedBanner() const { return m_banner; }
    QSplitter *splitter() const { return m_splitter; }

    QString displayName() const; // the session's, or "Not connected"
    bool isShowingOutdatedData() const { return m_session && m_session->isOutdated(); }
    QString lastErrorText() const { return m_session ? m_session->lastErrorText() : QString(); }
    QList<Group> selectedGroups() const;
    GroupingKey currentKey() const;
    bool selectGroup(const GroupingKey &key);
    void selectGroups(const QList<GroupingKey> &keys);

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

    // The Prometheus that scrapes this gateway (a profile's): the context
    // menu then offers "Open in Prometheus". Empty: only "Copy as PromQL".
    void setPrometheusUrl(const QUrl &url) { m_prometheusUrl = url; }
    QUrl prometheusUrl() const { return m_prometheusUrl; }
    // The group context menu's actions, added to `menu`.
    void populateGroupMenu(QMenu *menu);
    // `time() - push_time_seconds{key}`, one line per selected group.
    QString selectedAsPromQL() const;
    // The Prometheus graph of the current group's age and its families;
    // empty without a Prometheus URL or a current group.
    QUrl prometheusGraphUrl() const;

    // Copy actions' work, for the window's menu; each returns how many
    // groups it copied (0: nothing was copied).
    int copySelectedKeys() const;
    int copySelectedAsCurl() const;
    int copyExposition() const;
    // The selected rows as tab-separated text with a header line.
    int copySelectedRows() const;
    // The rows the filter shows, in the table's order, with their verdicts:
    // what exports and the charts show.
    std::pair<QList<Group>, QList<StalenessVerdict>> visibleGroups() const;

    // The "since you last looked" strip (hidden when nothing changed).
    QWidget *changesStrip() const { return m_changesStrip; }
    QLabel *changesText() const { return m_changesText; }
    // Filters the table to one kind of change ("appeared", "stale",
    // "failed"; "vanished" lists the keys; "all" ends the filter).
    void showChanges(const QString &which);
    QString shownChanges() const { return m_changesShown; }
    void dismissChanges();

Q_SIGNALS:
    // The session's, forwarded for the current session only.
    void firstRefreshFinished();
    void refreshed();
    void refreshFailed();
    void stateChanged();          // poller state, status, outdatedness: for the status bar
    void currentGroupChanged();
    // The series picked in the families tree (followed by the value history).
    void trackedSeriesChanged();

private:
    void onRefreshed();
    void onRefreshFailed();
    void syncPolicy();
    void updateDetail(bool keyChanged);
    void updateDetailState();
    void updateBanner();
    void updateEmptyHint();
    void updateChangesStrip();
    QList<GroupingKey> changedKeys(const QString &which) const;
    void showGroupContextMenu(const QPoint &pos);
    // All columns, or only `sections` (inserted by a refresh).
    void applyColumnLayout(const QList<int> &sections = {});
    bool eventFilter(QObject *watched, QEvent *event) override;

    QPointer<GatewaySession> m_session;
    QList<QMetaObject::Connection> m_sessionConnections;
    quint64 m_policyVersion = 0; // of the session policy the table judges by
    bool m_firstRefreshSeen = false;
    QString m_filterText;
    QList<QAction *> m_extraActions;
    QUrl m_prometheusUrl;

    GroupTableModel *m_model;
    GroupFilterProxy *m_proxy;
    FamilyTreeModel *m_familyModel;
    GroupingKey m_detailKey;

    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QLabel *m_emptyHint = nullptr;
    QWidget *m_changesStrip = nullptr;
    QLabel *m_changesText = nullptr;
    QString m_changesShown; // the kind of change the table is filtered to
    QSplitter *m_splitter = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailState = nullptr;
    QTabWidget *m_detailTabs = nullptr;
    QTreeView *m_tree = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    QTimer *m_layoutSaveTimer = nullptr;
    bool m_applyingLayout = false;
    bool m_layoutPending = false;    // the table was hidden when the layout was due
    QSet<QString> m_userSized;        // columns whose width the user chose, by name
};

} // namespace PushDeck
