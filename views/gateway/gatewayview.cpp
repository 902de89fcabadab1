#include "views/gateway/gatewayview.h"

#include "format/exposition.h"
#include "items/familytreemodel.h"
#include "items/groupfilterproxy.h"
#include "views/gateway/grouprowdelegate.h"
#include "items/grouptablemodel.h"
#include "staleness/alertrules.h"
#include "views/common/stateicons.h"
#include "views/common/tones.h"
#include "core/duration.h"

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
#include <QMessageBox>
#include <QStyle>
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
// differ per gateway and come and go with the groups, so order, visibility
// and the widths the user chose are kept per name. Widths nobody chose are
// measured from the font and the content each time, never saved.
class ColumnLayout
{
public:
    static QString nameOf(const GroupTableModel *model, int section)
    {
        return model->headerData(section, Qt::Horizontal).toString();
    }

    // `userSized`: names whose width the user set (by dragging).
    static void save(const QTableView *table, const GroupTableModel *model, const QSet<QString> &userSized)
    {
        QSettings settings;
        QVariantMap layout = settings.value(u"table/layout"_s).toMap();
        QVariantMap columns = layout.value(u"columns"_s).toMap();
        const QHeaderView *header = table->horizontalHeader();
        for (int section = 0; section < model->columnCount(); ++section) {
            const QString name = nameOf(model, section);
            QVariantMap entry = columns.value(name).toMap();
            if (userSized.contains(name))
                entry[u"width"_s] = header->sectionSize(section);
            entry[u"hidden"_s] = header->isSectionHidden(section);
            columns[name] = entry;
        }
        layout[u"columns"_s] = columns;
        layout[u"order"_s] = mergedOrder(layout.value(u"order"_s).toStringList(), visualNames(header, model));
        if (header->sortIndicatorSection() >= 0) {
            layout[u"sortColumn"_s] = nameOf(model, header->sortIndicatorSection());
            layout[u"sortOrder"_s] = int(header->sortIndicatorOrder());
        }
        settings.setValue(u"table/layout"_s, layout);
    }

    static QStringList visualNames(const QHeaderView *header, const GroupTableModel *model)
    {
        QStringList names;
        for (int visual = 0; visual < header->count(); ++visual)
            names.append(nameOf(model, header->logicalIndex(visual)));
        return names;
    }

    // The order of `current` (every column now), with the names of `saved`
    // that are not there now kept behind the name they followed: a label
    // column that vanishes and comes back returns to its place.
    static QStringList mergedOrder(const QStringList &saved, const QStringList &current)
    {
        QStringList order = current;
        QString previous;
        for (const QString &name : saved) {
            if (!order.contains(name)) {
                const qsizetype at = previous.isEmpty() ? 0 : order.indexOf(previous) + 1;
                order.insert(at, name);
            }
            previous = name;
        }
        return order;
    }

    // Where each column goes: the saved order by name; names never saved go
    // where the default puts them (label columns after the last label
    // column, Age and State right after the labels, then the rest).
    static QStringList wantedOrder(const QStringList &saved, const QHeaderView *header, const GroupTableModel *model)
    {
        static constexpr GroupTableModel::Column Defaults[] = {
            GroupTableModel::AgeColumn, GroupTableModel::StateColumn, GroupTableModel::LastPushColumn,
            GroupTableModel::OkColumn, GroupTableModel::FamilyCountColumn, GroupTableModel::SeriesCountColumn};
        QStringList order;
        for (const QString &name : saved) {
            if (model->labelColumn(name) >= 0 || isFixedName(model, name))
                order.append(name);
        }
        // Labels not placed yet: after the last label column placed, in the
        // model's order (job first, then by how many groups carry them).
        qsizetype labelEnd = 0;
        for (qsizetype i = 0; i < order.size(); ++i) {
            if (model->labelColumn(order.at(i)) >= 0)
                labelEnd = i + 1;
        }
        for (const QString &label : model->labelNames()) {
            if (!order.contains(label))
                order.insert(labelEnd++, label);
        }
        for (GroupTableModel::Column column : Defaults) {
            const QString name = nameOf(model, model->columnFor(column));
            if (!order.contains(name))
                order.append(name);
        }
        Q_UNUSED(header)
        return order;
    }

    static bool isFixedName(const GroupTableModel *model, const QString &name)
    {
        for (int c = 0; c < GroupTableModel::ColumnCount; ++c) {
            if (nameOf(model, model->columnFor(GroupTableModel::Column(c))) == name)
                return true;
        }
        return false;
    }

    // The width a column needs for its header and content in this font.
    static int contentWidth(const QTableView *table, const GroupTableModel *model, int section)
    {
        const QFontMetrics metrics(table->font());
        const QFontMetrics headerMetrics(table->horizontalHeader()->font());
        const int padding = metrics.averageCharWidth() * 2 + 6;
        // The header: its text, the sort indicator and the margins.
        int wanted = headerMetrics.horizontalAdvance(nameOf(model, section)) + headerMetrics.height() + 14;
        const auto fixed = model->fixedColumn(section);
        const int icon = table->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, table) + 6;
        if (fixed == GroupTableModel::LastPushColumn) {
            wanted = std::max(wanted, metrics.horizontalAdvance(GroupTableModel::pushTimeText(1796000000.0)) + padding);
        } else if (fixed == GroupTableModel::StateColumn) {
            for (Staleness state : {Staleness::Fresh, Staleness::Warning, Staleness::Stale, Staleness::Failed, Staleness::Unknown})
                wanted = std::max(wanted, metrics.horizontalAdvance(StateIcons::label(state)) + icon + padding);
        } else if (fixed == GroupTableModel::AgeColumn) {
            wanted = std::max(wanted, metrics.horizontalAdvance(u"23h59m"_s) + padding);
        } else if (fixed == GroupTableModel::OkColumn) {
            wanted = std::max(wanted, metrics.horizontalAdvance(GroupTableModel::tr("failed")) + icon + padding);
        } else if (!fixed) {
            // A label: what nine in ten of its values need (among the first
            // 500 rows), at most about 40 characters; a few long values
            // are elided rather than widening the column for all.
            const int rows = std::min(model->rowCount(), 500);
            QList<int> widths;
            widths.reserve(rows);
            for (int row = 0; row < rows; ++row) {
                const QString text = model->index(row, section).data().toString();
                if (!text.isEmpty())
                    widths.append(metrics.horizontalAdvance(text) + padding);
            }
            if (!widths.isEmpty()) {
                const auto at = widths.begin() + (widths.size() * 9) / 10 - (widths.size() * 9 % 10 == 0 ? 1 : 0);
                std::nth_element(widths.begin(), at, widths.end());
                wanted = std::max(wanted, *at);
            }
            wanted = std::min(wanted, metrics.averageCharWidth() * 40);
        }
        return wanted;
    }

    // Applies order, visibility, the user's widths and measured widths to
    // `sections` (all when empty). Label columns share what the view's width
    // leaves after the other visible columns, down to a few characters each,
    // so key columns, Age and State are in view whenever they can be.
    static void apply(QTableView *table, const GroupTableModel *model, const QSet<QString> &userSized,
                      QList<int> sections = {})
    {
        const QVariantMap layout = QSettings().value(u"table/layout"_s).toMap();
        const QVariantMap columns = layout.value(u"columns"_s).toMap();
        QHeaderView *header = table->horizontalHeader();

        // Order by name.
        const QStringList order = wantedOrder(layout.value(u"order"_s).toStringList(), header, model);
        int visual = 0;
        for (const QString &name : order) {
            int section = model->labelColumn(name);
            if (section < 0) {
                for (int c = 0; c < GroupTableModel::ColumnCount && section < 0; ++c) {
                    if (nameOf(model, model->columnFor(GroupTableModel::Column(c))) == name)
                        section = model->columnFor(GroupTableModel::Column(c));
                }
            }
            if (section < 0)
                continue;
            const int from = header->visualIndex(section);
            if (from != visual)
                header->moveSection(from, visual);
            ++visual;
        }

        if (sections.isEmpty()) {
            for (int section = 0; section < model->columnCount(); ++section)
                sections.append(section);
        }
        // Visibility and the user's widths by name; measured widths for the rest.
        QHash<int, int> measured;
        for (int section = 0; section < model->columnCount(); ++section) {
            const QString name = nameOf(model, section);
            const QVariantMap entry = columns.value(name).toMap();
            const bool hidden = entry.value(u"hidden"_s).toBool();
            if (sections.contains(section) && header->isSectionHidden(section) != hidden)
                header->setSectionHidden(section, hidden);
            if (header->isSectionHidden(section))
                continue;
            const bool userWidth = entry.contains(u"width"_s) && userSized.contains(name);
            if (!sections.contains(section) || userWidth) {
                if (sections.contains(section))
                    header->resizeSection(section, std::max(24, entry.value(u"width"_s).toInt()));
                continue;
            }
            measured.insert(section, contentWidth(table, model, section));
        }
        // Key columns, Age and State must be in view; the other fixed
        // columns may scroll. Label columns get what they need in the
        // model's order (job, then the labels most groups carry), while
        // every later one keeps at least a few characters.
        int mustSee = 0;
        for (GroupTableModel::Column column : {GroupTableModel::AgeColumn, GroupTableModel::StateColumn}) {
            const int section = model->columnFor(column);
            if (!header->isSectionHidden(section))
                mustSee += measured.contains(section) ? measured.value(section) : header->sectionSize(section);
        }
        for (int section = 0; section < model->labelColumnCount(); ++section) {
            if (!sections.contains(section) && !header->isSectionHidden(section))
                mustSee += header->sectionSize(section);
        }
        const int available = table->viewport()->width() > 100 ? table->viewport()->width() : table->width();
        const int minimum = QFontMetrics(table->font()).averageCharWidth() * 7;
        QList<int> labels;
        for (int section = 0; section < model->labelColumnCount(); ++section) {
            if (measured.contains(section))
                labels.append(section);
        }
        // Labels few groups carry (mostly empty cells) may shrink further.
        const int rareMinimum = QFontMetrics(table->font()).averageCharWidth() * 4;
        const int sample = std::min(model->rowCount(), 500);
        QHash<int, int> least;
        for (int section : std::as_const(labels)) {
            int carried = 0;
            for (int row = 0; row < sample; ++row)
                carried += model->index(row, section).data().toString().isEmpty() ? 0 : 1;
            least.insert(section, carried * 4 < sample ? rareMinimum : minimum);
        }
        int room = available - mustSee;
        for (qsizetype i = 0; i < labels.size(); ++i) {
            int later = 0;
            for (qsizetype j = i + 1; j < labels.size(); ++j)
                later += least.value(labels.at(j));
            const int width = std::max(std::min(measured.value(labels.at(i)), room - later), least.value(labels.at(i)));
            measured[labels.at(i)] = width;
            room -= width;
        }
        for (auto it = measured.cbegin(); it != measured.cend(); ++it)
            header->resizeSection(it.key(), it.value());

        // The saved sort column by name; by job until the user picks one.
        const QString sortName = layout.value(u"sortColumn"_s, u"job"_s).toString();
        const auto order2 = Qt::SortOrder(layout.value(u"sortOrder"_s, int(Qt::AscendingOrder)).toInt());
        for (int section = 0; section < model->columnCount(); ++section) {
            if (nameOf(model, section) == sortName) {
                if (header->sortIndicatorSection() != section || header->sortIndicatorOrder() != order2)
                    table->sortByColumn(section, order2);
                break;
            }
        }
    }

    // The names whose widths the user set in an earlier session.
    static QSet<QString> savedUserWidths()
    {
        const QVariantMap columns = QSettings().value(u"table/layout"_s).toMap().value(u"columns"_s).toMap();
        QSet<QString> names;
        for (auto it = columns.cbegin(); it != columns.cend(); ++it) {
            if (it->toMap().contains(u"width"_s))
                names.insert(it.key());
        }
        return names;
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
    m_banner->setAccessibleName(tr("Outdated data"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(10, 6, 10, 6);
    auto *bannerIcon = new QLabel(m_banner);
    bannerIcon->setPixmap(StateIcons::icon(Staleness::Warning).pixmap(20, 20));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *retry = new QToolButton(m_banner);
    retry->setText(tr("Retry now"));
    retry->setObjectName(u"retryNow"_s);
    connect(retry, &QToolButton::clicked, this, [this] {
        if (m_session)
            m_session->refreshNow(false);
    });
    bannerLayout->addWidget(bannerIcon);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(retry);
    m_banner->hide();
    layout->addWidget(m_banner);

    // What changed since the window last showed this gateway: a strip the
    // user can click (filters the table) and dismiss.
    auto *strip = new QFrame(this);
    strip->setFrameShape(QFrame::StyledPanel);
    m_changesStrip = strip;
    m_changesStrip->setObjectName(u"changesStrip"_s);
    m_changesStrip->setAutoFillBackground(true);
    m_changesStrip->setBackgroundRole(QPalette::AlternateBase);
    m_changesStrip->setAccessibleName(tr("Changes since you last looked"));
    auto *stripLayout = new QHBoxLayout(m_changesStrip);
    stripLayout->setContentsMargins(10, 4, 4, 4);
    m_changesText = new QLabel(m_changesStrip);
    m_changesText->setObjectName(u"changesText"_s);
    m_changesText->setWordWrap(true);
    m_changesText->setTextFormat(Qt::RichText);
    m_changesText->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_changesText->setFocusPolicy(Qt::StrongFocus);
    connect(m_changesText, &QLabel::linkActivated, this, &GatewayView::showChanges);
    auto *dismiss = new QToolButton(m_changesStrip);
    dismiss->setObjectName(u"dismissChanges"_s);
    dismiss->setAutoRaise(true);
    dismiss->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    dismiss->setToolTip(tr("Dismiss"));
    dismiss->setAccessibleName(tr("Dismiss the changes since you last looked"));
    connect(dismiss, &QToolButton::clicked, this, &GatewayView::dismissChanges);
    stripLayout->addWidget(m_changesText, 1);
    stripLayout->addWidget(dismiss, 0, Qt::AlignTop);
    m_changesStrip->hide();
    layout->addWidget(m_changesStrip);

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
    // No stretching: the last column would take every spare pixel (a State
    // column 400 pixels wide) while key columns stay elided.
    header->setStretchLastSection(false);
    m_table->setAccessibleName(tr("Groups"));
    m_table->installEventFilter(this);
    connect(m_table, &QWidget::customContextMenuRequested, this, &GatewayView::showGroupContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        QMenu menu(this);
        for (int section = 0; section < m_model->columnCount(); ++section) {
            QAction *action = menu.addAction(m_model->headerData(section, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setChecked(!header->isSectionHidden(section));
            connect(action, &QAction::toggled, this, [this, header, section](bool visible) {
                header->setSectionHidden(section, !visible);
                ColumnLayout::save(m_table, m_model, m_userSized);
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
    connect(m_layoutSaveTimer, &QTimer::timeout, this, [this] { ColumnLayout::save(m_table, m_model, m_userSized); });
    m_userSized = ColumnLayout::savedUserWidths();
    // Only what the user does is saved: not while the first load inserts
    // its columns (the header then shifts its indicator by itself), and not
    // the widths PushDeck measured.
    auto save = [this] {
        if (m_model->rowCount() > 0 && !m_applyingLayout)
            m_layoutSaveTimer->start();
    };
    connect(header, &QHeaderView::sectionResized, this, [this, save](int section) {
        if (m_applyingLayout || m_model->rowCount() == 0)
            return;
        m_userSized.insert(m_model->headerData(section, Qt::Horizontal).toString());
        save();
    });
    connect(header, &QHeaderView::sortIndicatorChanged, this, save);
    connect(header, &QHeaderView::sectionMoved, this, save);
    connect(m_model, &QAbstractItemModel::columnsInserted, this, [this](const QModelIndex &, int first, int last) {
        // Before the first read the layout waits for all columns at once.
        if (!m_firstRefreshSeen)
            return;
        QList<int> inserted;
        for (int section = first; section <= last; ++section)
            inserted.append(section);
        applyColumnLayout(inserted);
    });
    // A column added by a refresh joins the selected rows: a selected row is
    // selected in every column, or copy and delete would miss it.
    connect(m_proxy, &QAbstractItemModel::columnsInserted, this, [this](const QModelIndex &, int first, int last) {
        QItemSelectionModel *selection = m_table->selectionModel();
        QItemSelection added;
        QSet<int> rows;
        for (const QModelIndex &index : selection->selectedIndexes()) {
            if (index.column() < first || index.column() > last)
                rows.insert(index.row());
        }
        for (int row : std::as_const(rows))
            added.select(m_proxy->index(row, first), m_proxy->index(row, last));
        if (!added.isEmpty())
            selection->select(added, QItemSelectionModel::Select);
    });
    // A filter or a delete took the current row away: nothing stays current
    // that is not selected, so the detail, the selection and what Delete
    // acts on agree.
    auto currentGone = [this] {
        QTimer::singleShot(0, this, [this] {
            QItemSelectionModel *selection = m_table->selectionModel();
            const QModelIndex current = selection->currentIndex();
            if (current.isValid() && !selection->isRowSelected(current.row(), {}) && !selection->hasSelection()) {
                selection->clearCurrentIndex();
                updateDetail(true);
            }
            Q_EMIT currentGroupChanged();
        });
    };
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, currentGone);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, currentGone);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, currentGone);
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
    m_detailTitle->setAccessibleName(tr("Selected group"));
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
    m_tree->setAccessibleName(tr("Metric families of the selected group"));
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
    m_raw->setAccessibleName(tr("Exposition text of the selected group"));
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
        ColumnLayout::save(m_table, m_model, m_userSized);
}

void GatewayView::applyColumnLayout(const QList<int> &sections)
{
    // Measured against the table's width: wait until it has one.
    if (!m_table->isVisible()) {
        m_layoutPending = true;
        return;
    }
    // Not a signal blocker: the view sorts on the header's
    // sortIndicatorChanged. The flag only keeps this from being saved.
    m_applyingLayout = true;
    ColumnLayout::apply(m_table, m_model, m_userSized, m_layoutPending ? QList<int>() : sections);
    m_layoutPending = false;
    m_applyingLayout = false;
}

bool GatewayView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && (event->type() == QEvent::Show || event->type() == QEvent::Resize) && m_layoutPending
        && m_table->isVisible() && m_model->columnCount() > 0) {
        QTimer::singleShot(0, this, [this] {
            if (m_layoutPending)
                applyColumnLayout();
        });
    }
    return QWidget::eventFilter(watched, event);
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
        ColumnLayout::save(m_table, m_model, m_userSized);
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
            connect(m_session, &GatewaySession::changesSinceLastLookChanged, this, &GatewayView::updateChangesStrip),
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
    m_changesShown.clear();
    m_proxy->setKeyFilter({});
    updateChangesStrip();
    updateDetail(true);
    updateBanner();
    updateEmptyHint();
    Q_EMIT stateChanged();
}

void GatewayView::updateChangesStrip()
{
    const LookChanges none;
    const LookChanges &changes = m_session ? m_session->changesSinceLastLook() : none;
    if (changes.isEmpty()) {
        if (!m_changesShown.isEmpty()) {
            m_changesShown.clear();
            m_proxy->setKeyFilter({});
            Q_EMIT stateChanged();
        }
        m_changesStrip->hide();
        return;
    }
    const QDateTime since = QDateTime::fromMSecsSinceEpoch(qint64(changes.since * 1000));
    const double ago = m_session->now() - changes.since;
    QStringList parts;
    const auto part = [&](const QString &id, const QList<GroupingKey> &keys, const QString &text) {
        if (keys.isEmpty())
            return;
        // The active one is bold and not a link; the others filter.
        if (m_changesShown == id)
            parts.append(u"<b>%1</b>"_s.arg(text.toHtmlEscaped()));
        else
            parts.append(u"<a href=\"%1\">%2</a>"_s.arg(id, text.toHtmlEscaped()));
    };
    part(u"appeared"_s, changes.appeared, tr("%n appeared", nullptr, int(changes.appeared.size())));
    part(u"vanished"_s, changes.vanished, tr("%n vanished", nullptr, int(changes.vanished.size())));
    part(u"stale"_s, changes.wentStale, tr("%n went stale", nullptr, int(changes.wentStale.size())));
    part(u"failed"_s, changes.failed, tr("%n with a failed push", nullptr, int(changes.failed.size())));
    QString text = tr("Since you last looked (%1, %2 ago):")
                       .arg(QLocale().toString(since, QLocale::ShortFormat).toHtmlEscaped(), formatAge(ago))
                   + u" "_s + parts.join(u" \u00b7 "_s);
    if (!m_changesShown.isEmpty())
        text += u" \u2014 <a href=\"all\">%1</a>"_s.arg(tr("show all groups").toHtmlEscaped());
    m_changesText->setText(text);
    m_changesStrip->show();
}

QList<GroupingKey> GatewayView::changedKeys(const QString &which) const
{
    if (!m_session)
        return {};
    const LookChanges &changes = m_session->changesSinceLastLook();
    if (which == u"appeared")
        return changes.appeared;
    if (which == u"vanished")
        return changes.vanished;
    if (which == u"stale")
        return changes.wentStale;
    if (which == u"failed")
        return changes.failed;
    return {};
}

void GatewayView::showChanges(const QString &which)
{
    if (which == u"vanished") {
        // Gone from the gateway: nothing to filter to. List them instead.
        QStringList keys;
        for (const GroupingKey &key : changedKeys(which))
            keys.append(key.toString());
        auto *box = new QMessageBox(QMessageBox::Information, tr("Vanished groups"),
                                    tr("%n group(s) vanished from the gateway since you last looked.", nullptr,
                                       int(keys.size())),
                                    QMessageBox::Close, this);
        box->setDetailedText(keys.join(u'\n'));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    const QList<GroupingKey> keys = changedKeys(which);
    m_changesShown = keys.isEmpty() ? QString() : which;
    m_proxy->setKeyFilter(QSet<GroupingKey>(keys.cbegin(), keys.cend()));
    updateChangesStrip();
    updateEmptyHint();
    Q_EMIT stateChanged();
}

void GatewayView::dismissChanges()
{
    m_changesShown.clear();
    m_proxy->setKeyFilter({});
    if (m_session)
        m_session->dismissChangesSinceLastLook();
    updateChangesStrip();
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

int GatewayView::copySelectedKeys() const
{
    QStringList keys;
    for (const Group &group : selectedGroups())
        keys << group.key.toString();
    if (!keys.isEmpty())
        QApplication::clipboard()->setText(keys.join(u'\n'));
    return int(keys.size());
}

int GatewayView::copySelectedAsCurl() const
{
    if (!m_session)
        return 0;
    QStringList commands;
    for (const Group &group : selectedGroups()) {
        const QUrl url = m_session->client()->urlFor(group.key.toPath());
        commands << u"curl -X DELETE "_s + shellQuote(url.toString(QUrl::FullyEncoded | QUrl::RemoveUserInfo));
    }
    if (!commands.isEmpty())
        QApplication::clipboard()->setText(commands.join(u'\n'));
    return int(commands.size());
}

int GatewayView::copyExposition() const
{
    if (!m_detailKey.isValid())
        return 0;
    QApplication::clipboard()->setText(m_raw->toPlainText());
    return 1;
}

int GatewayView::copySelectedRows() const
{
    // The selected rows as the table shows them: visible columns in their
    // order, tab-separated with a header line, for a spreadsheet or a chat.
    const QHeaderView *header = m_table->horizontalHeader();
    QList<int> columns;
    QStringList lines;
    QStringList names;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int section = header->logicalIndex(visual);
        if (header->isSectionHidden(section))
            continue;
        columns.append(section);
        names.append(m_proxy->headerData(section, Qt::Horizontal).toString());
    }
    lines.append(names.join(u'\t'));
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedIndexes()) {
        if (!rows.contains(index.row()))
            rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end());
    for (int row : std::as_const(rows)) {
        QStringList cells;
        for (int section : std::as_const(columns)) {
            QString text = m_proxy->index(row, section).data().toString();
            if (m_model->fixedColumn(section) == GroupTableModel::StateColumn)
                text = StateIcons::label(Staleness(m_proxy->index(row, section).data(GroupTableModel::StateRole).toInt()));
            text.replace(u'\t', u' ').replace(u'\n', u' ');
            cells.append(text);
        }
        lines.append(cells.join(u'\t'));
    }
    if (rows.isEmpty())
        return 0;
    QApplication::clipboard()->setText(lines.join(u'\n') + u'\n');
    return int(rows.size());
}

std::pair<QList<Group>, QList<StalenessVerdict>> GatewayView::visibleGroups() const
{
    QList<Group> groups;
    QList<StalenessVerdict> verdicts;
    groups.reserve(m_proxy->rowCount());
    verdicts.reserve(m_proxy->rowCount());
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const int source = m_proxy->mapToSource(m_proxy->index(row, 0)).row();
        groups.append(m_model->group(source));
        verdicts.append(m_model->verdict(source));
    }
    return {groups, verdicts};
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
    QPalette bannerPalette = palette();
    bannerPalette.setColor(QPalette::Window, Tones::warningBackground(palette()));
    m_banner->setPalette(bannerPalette);
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
    else if (total > 0 && shown == 0 && !m_changesShown.isEmpty())
        hint = tr("None of these groups is on the gateway any more.");
    else if (total > 0 && shown == 0)
        hint = tr("No group matches the filter.");
    else if (total == 0)
        hint = isShowingOutdatedData() ? tr("The gateway could not be read.") : tr("Reading the gateway…");
    m_emptyHint->setText(hint);
    m_emptyHint->setVisible(!hint.isEmpty());
}

} // namespace PushDeck
