#include "views/common/groupkeyedit.h"

#include "core/urls.h"

#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace PushDeck {

GroupKeyEdit::GroupKeyEdit(QWidget *parent)
    : QWidget(parent)
{
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(u"groupKeyLineEdit"_s);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setPlaceholderText(u"{job=\"backup\", instance=\"db-1\"}"_s);
    m_edit->setToolTip(tr("The group's full label set, always with job. Values may contain anything (also / and "
                          "empty values): they are sent base64-encoded where needed."));
    m_status = new QLabel(this);
    m_status->setObjectName(u"groupKeyStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont small = m_status->font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    m_status->setFont(small);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_status);
    connect(m_edit, &QLineEdit::textChanged, this, &GroupKeyEdit::revalidate);
    revalidate();
}

GroupKeyEdit::~GroupKeyEdit() = default;

void GroupKeyEdit::setBaseUrl(const QUrl &url)
{
    // Callers update these from keyChanged(): only a change revalidates.
    if (url == m_baseUrl)
        return;
    m_baseUrl = url;
    revalidate();
}

void GroupKeyEdit::setMethod(const QString &method)
{
    if (method == m_method)
        return;
    m_method = method;
    revalidate();
}

void GroupKeyEdit::setExistingKeys(const QList<GroupingKey> &keys)
{
    if (keys == m_existing)
        return;
    m_existing = keys;
    revalidate();
}

void GroupKeyEdit::setText(const QString &text)
{
    m_edit->setText(text);
}

void GroupKeyEdit::setKey(const GroupingKey &key)
{
    m_edit->setText(key.isValid() ? key.toString() : QString());
}

QString GroupKeyEdit::text() const
{
    return m_edit->text();
}

Result<GroupingKey> GroupKeyEdit::key() const
{
    return m_key;
}

bool GroupKeyEdit::exists() const
{
    return m_key && m_existing.contains(*m_key);
}

std::optional<GroupingKey> GroupKeyEdit::collision() const
{
    if (!m_key)
        return std::nullopt;
    const GroupingKey c = m_key->collisionKey();
    for (const GroupingKey &other : m_existing) {
        if (other != *m_key && other.collisionKey() == c)
            return other;
    }
    return std::nullopt;
}

QString GroupKeyEdit::statusText() const
{
    return m_status->text();
}

void GroupKeyEdit::revalidate()
{
    const QString text = m_edit->text().trimmed();
    m_key = text.isEmpty() ? Result<GroupingKey>(Error::make(Error::Invalid, tr("Type a grouping key, e.g. {job=\"backup\"}.")))
                           : GroupingKey::parse(text);
    QString status;
    bool problem = !m_key.ok();
    if (!m_key) {
        status = m_key.errorString();
    } else {
        QString base = m_baseUrl.isValid() ? redactedUrl(m_baseUrl) : QString();
        while (base.endsWith(u'/'))
            base.chop(1);
        status = m_method + u' ' + base + u'/' + m_key->toPath();
        if (auto other = collision()) {
            problem = true;
            status += u"\n"_s
                + tr("Refused: the existing group %1 differs from this key only by empty labels; with both on the "
                     "gateway every push would fail.")
                      .arg(other->toString());
        } else if (exists()) {
            status += u"\n"_s + tr("A group with this key exists on the gateway.");
        }
    }
    m_status->setText(status);
    QPalette labelPalette = palette();
    if (problem)
        labelPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    else
        labelPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_status->setPalette(labelPalette);
    QPalette editPalette = palette();
    if (!m_key && !text.isEmpty())
        editPalette.setColor(QPalette::Base, editPalette.color(QPalette::Base).lightness() > 128 ? QColor(0xfb, 0xe3, 0xe4)
                                                                                                 : QColor(0x5c, 0x1e, 0x22));
    m_edit->setPalette(editPalette);
    Q_EMIT keyChanged();
}

} // namespace PushDeck
