#include "views/gateway/grouprowdelegate.h"

#include "items/grouptablemodel.h"
#include "views/common/stateicons.h"

namespace PushDeck {

GroupRowDelegate::GroupRowDelegate(const GroupTableModel *model, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_model(model)
{
}

void GroupRowDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto state = Staleness(index.data(GroupTableModel::StateRole).toInt());
    const QColor tint = StateIcons::background(state);
    if (tint.isValid())
        option->backgroundBrush = tint;

    const auto column = m_model->fixedColumn(index.column());
    if (column == GroupTableModel::StateColumn) {
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->icon = StateIcons::icon(state);
        option->text = StateIcons::label(state);
    } else if (column == GroupTableModel::OkColumn) {
        const bool ok = index.data(GroupTableModel::SortRole).toBool();
        if (!ok) {
            option->features |= QStyleOptionViewItem::HasDecoration;
            option->icon = StateIcons::icon(Staleness::Failed);
        }
    }
}

} // namespace PushDeck
