#include "TranscriptModel.h"

#include "store/Store.h"
#include "store/StoreError.h"
#include "text/SensitiveDataMasker.h"

#include <QDateTime>
#include <QLocale>
#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lcTranscript, "unisono.transcript", QtInfoMsg)
// A transcript longer than this is a pathological chat; the newest matter.
constexpr int kMaxMessages = 500;
} // namespace

TranscriptModel::TranscriptModel(Store& store, QObject* parent)
    : QAbstractListModel(parent)
    , m_store(store)
{ }

void TranscriptModel::setInteraction(qint64 interactionId)
{
    m_interactionId = interactionId;
    refresh();
}

void TranscriptModel::refresh()
{
    QList<Message> rows;
    if (m_interactionId != 0) {
        try {
            Statement& st = m_store.db().cached(
                "SELECT id, sent_at, author, coalesce(author_name, ''), body, kind FROM ("
                "SELECT * FROM messages WHERE interaction_id = ? "
                "ORDER BY sent_at DESC, id < 0 DESC, abs(id) DESC LIMIT ?) "
                "ORDER BY sent_at, id < 0, abs(id)");
            // Within a second, the backend's messages first, then the desk's
            // own not yet numbered (negative ids, -1 written before -2).
            st.bind(1, m_interactionId).bind(2, kMaxMessages);
            while (st.step())
                rows.append({ st.int64(0), st.int64(1), st.text(2), st.text(3),
                    SensitiveDataMasker::mask(st.text(4)), st.text(5) });
            st.reset();
        } catch (const StoreError& error) {
            qCWarning(lcTranscript) << "Could not read the messages of" << m_interactionId << ":"
                                    << error.message();
        }
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

QString TranscriptModel::customerText() const
{
    QStringList parts;
    for (const Message& message : m_rows) {
        if (message.author == QLatin1String("customer"))
            parts << message.body;
    }
    return parts.join(QLatin1Char('\n'));
}

int TranscriptModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString TranscriptModel::authorLabel(const Message& message) const
{
    if (message.kind == QLatin1String("note"))
        return tr("Note by %1").arg(message.authorName.isEmpty() ? tr("an agent") : message.authorName);
    if (!message.authorName.isEmpty())
        return message.authorName;
    if (message.author == QLatin1String("customer"))
        return tr("Customer");
    if (message.author == QLatin1String("agent"))
        return tr("Agent");
    if (message.author == QLatin1String("bot"))
        return tr("Bot");
    return tr("System");
}

QVariant TranscriptModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message& m = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 · %2\n%3")
            .arg(authorLabel(m),
                QLocale().toString(
                    QDateTime::fromSecsSinceEpoch(m.sentAt).toLocalTime().time(), QLocale::ShortFormat),
                m.body);
    case Qt::AccessibleTextRole:
        return tr("%1: %2").arg(authorLabel(m), m.body);
    case MessageIdRole:
        return m.id;
    case AuthorRole:
        return m.author;
    case AuthorNameRole:
        return m.authorName;
    case BodyRole:
        return m.body;
    case KindRole:
        return m.kind;
    case SentAtRole:
        return m.sentAt;
    case Qt::TextAlignmentRole:
        // The agent's side on the right, as every chat tool shows it.
        return QVariant::fromValue(m.author == QLatin1String("agent") && m.kind != QLatin1String("note")
                ? Qt::AlignRight | Qt::AlignVCenter
                : Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}
