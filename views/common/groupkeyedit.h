#pragma once
// A grouping key typed as PromQL-style text ({job="a",instance="b"}),
// validated as it is typed (GroupingKey::parse, errors with their column),
// with a preview of the exact URL path a push would use and a warning when
// the key exists already or would collide with an existing one.

#include "core/groupingkey.h"

#include <QUrl>
#include <QWidget>

class QLabel;
class QLineEdit;

namespace PushDeck {

class GroupKeyEdit final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupKeyEdit)
public:
    explicit GroupKeyEdit(QWidget *parent = nullptr);
    ~GroupKeyEdit() override;

    // The gateway the path preview is for (no credentials are shown).
    void setBaseUrl(const QUrl &url);
    // "PUT", "POST", ... shown before the URL in the preview.
    void setMethod(const QString &method);
    // Keys on the gateway now: the status says when the typed key exists or
    // differs from an existing one only by empty-valued labels.
    void setExistingKeys(const QList<GroupingKey> &keys);

    void setText(const QString &text);
    void setKey(const GroupingKey &key);
    QString text() const;
    Result<GroupingKey> key() const;
    bool isValid() const { return m_key.ok(); }
    // The typed key is one of the existing keys.
    bool exists() const;
    // An existing key other than the typed one with the same collision key.
    std::optional<GroupingKey> collision() const;

    QLineEdit *lineEdit() const { return m_edit; }
    QString statusText() const;

Q_SIGNALS:
    void keyChanged();

private:
    void revalidate();

    QUrl m_baseUrl;
    QString m_method = QStringLiteral("PUT");
    QList<GroupingKey> m_existing;
    Result<GroupingKey> m_key;

    QLineEdit *m_edit = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace PushDeck
