#pragma once
// Paints the groups table: a state tint on rows that need attention, and the
// State and OK cells with a shape icon and a word, never colour alone.

#include <QStyledItemDelegate>

namespace PushDeck {

class GroupTableModel;

class GroupRowDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    GroupRowDelegate(const GroupTableModel *model, QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    const GroupTableModel *m_model;
};

} // namespace PushDeck
