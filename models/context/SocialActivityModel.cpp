#include "SocialActivityModel.h"

#include "CustomerTimelineModel.h"
#include "store/Store.h"
#include "store/StoreError.h"
#include "text/SensitiveDataMasker.h"

#include <QDateTime>
#include <QLocale>
#include <QLoggingCategory>
#include <QTextDocument>

namespace {

Q_LOGGING_CATEGORY(lcSocial, "unisono.context.social", QtInfoMsg)

// A mood that moves less than this between the recent and the earlier months is steady.
constexpr double kTrendThreshold = 0.15;

} // namespace

SocialActivityModel::SocialActivityModel(Store& store, QObject* parent)
    : QAbstractListModel(parent)
    , m_store(store)
{ }

QString SocialActivityModel::networkLabel(const QString& network)
{
    if (network == QLatin1String("x") || network == QLatin1String("twitter"))
        return QStringLiteral("X");
    if (network == QLatin1String("tiktok"))
        return QStringLiteral("TikTok");
    if (network == QLatin1String("linkedin"))
        return QStringLiteral("LinkedIn");
    if (network == QLatin1String("youtube"))
        return QStringLiteral("YouTube");
    if (network.isEmpty())
        return network;
    return network.at(0).toUpper() + network.mid(1);
}

QString SocialActivityModel::kindLabel(const QString& kind)
{
    if (kind == QLatin1String("post"))
        return tr("Posts");
    if (kind == QLatin1String("mention"))
        return tr("Mentions");
    if (kind == QLatin1String("comment"))
        return tr("Comments");
    if (kind == QLatin1String("direct_message"))
        return tr("Direct messages");
    if (kind == QLatin1String("like"))
        return tr("Likes");
    if (kind == QLatin1String("share"))
        return tr("Shares");
    if (kind == QLatin1String("tag"))
        return tr("Tags");
    if (kind == QLatin1String("follow"))
        return tr("Follows");
    return kind;
}

QString SocialActivityModel::influenceLabel(qint64 followers)
{
    if (followers >= 50'000)
        return tr("Very high");
    if (followers >= 5'000)
        return tr("High");
    if (followers >= 800)
        return tr("Medium");
    return tr("Low");
}

void SocialActivityModel::setCustomer(qint64 customerId)
{
    beginResetModel();
    m_customerId = customerId;
    m_rows.clear();
    if (customerId != 0) {
        try {
            // "Own" compares the author with the customer's handles as the
            // identity normaliser stores them (lower case, no "@").
            Statement& st = m_store.db().cached(
                "SELECT s.id, s.network, s.kind, s.author_handle, s.author_followers, coalesce(s.body, ''),"
                " coalesce(s.url, ''), s.posted_at, s.sentiment, coalesce(s.intent, ''),"
                " EXISTS (SELECT 1 FROM identities i WHERE i.customer_id = s.customer_id AND i.kind = 'social'"
                "   AND i.value = lower(ltrim(s.author_handle, '@')))"
                // Ties in time by id ascending: the order social_by_customer
                // keeps them in, so the first rows come without a sort.
                " FROM social_activity s WHERE s.customer_id = ? ORDER BY s.posted_at DESC, s.id LIMIT ?");
            st.bind(1, customerId).bind(2, kLimit);
            while (st.step()) {
                Activity a;
                a.id = st.int64(0);
                a.network = st.text(1);
                a.kind = st.text(2);
                a.authorHandle = st.text(3);
                a.authorFollowers = st.int64(4);
                a.body = SensitiveDataMasker::mask(st.text(5));
                a.url = st.text(6);
                a.postedAt = st.int64(7);
                a.sentiment = st.optReal(8);
                a.intent = st.text(9);
                a.byCustomer = st.int64(10) != 0;
                m_rows.append(a);
            }
            st.reset();
        } catch (const StoreError& error) {
            qCWarning(lcSocial) << "Could not read the social activity of customer" << customerId << ":"
                                << error.message();
            m_rows.clear();
        }
    }
    summarise();
    endResetModel();
}

void SocialActivityModel::summarise()
{
    m_summary = Summary();
    m_summary.activities = int(m_rows.size());
    const QDate end = m_trendEnd.isValid() ? m_trendEnd : QDate::currentDate();
    const QDate firstMonth = QDate(end.year(), end.month(), 1).addMonths(-(kTrendMonths - 1));
    QList<double> sums(kTrendMonths, 0.0);
    QList<int> counts(kTrendMonths, 0);
    for (const Activity& a : std::as_const(m_rows)) {
        if (!a.byCustomer)
            continue;
        ++m_summary.ownByKind[a.kind];
        if (m_summary.handle.isEmpty()) {
            m_summary.handle = a.authorHandle;
            m_summary.network = a.network;
            m_summary.followers = a.authorFollowers;
        }
        if (!a.sentiment)
            continue;
        const QDate date = QDateTime::fromSecsSinceEpoch(a.postedAt).toLocalTime().date();
        const int month = (date.year() - firstMonth.year()) * 12 + date.month() - firstMonth.month();
        if (month < 0 || month >= kTrendMonths)
            continue;
        sums[month] += *a.sentiment;
        ++counts[month];
    }
    QList<double> known;
    for (int m = 0; m < kTrendMonths; ++m) {
        m_summary.monthlySentiment.append(counts.at(m) ? std::optional<double>(sums.at(m) / counts.at(m))
                                                       : std::nullopt);
        if (counts.at(m))
            known.append(sums.at(m) / counts.at(m));
    }
    // The latest third of the months they spoke in against the rest.
    if (known.size() >= 2) {
        const qsizetype recent = std::max<qsizetype>(1, known.size() / 3);
        double before = 0, after = 0;
        for (qsizetype i = 0; i < known.size(); ++i)
            (i < known.size() - recent ? before : after) += known.at(i);
        before /= double(known.size() - recent);
        after /= double(recent);
        m_summary.trend = after - before > kTrendThreshold ? Trend::Improving
            : before - after > kTrendThreshold            ? Trend::Worsening
                                                          : Trend::Steady;
    }
}

int SocialActivityModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString SocialActivityModel::title(const Activity& a) const
{
    if (!a.body.isEmpty())
        return a.body.simplified();
    if (a.kind == QLatin1String("like"))
        return tr("Liked a post");
    if (a.kind == QLatin1String("share"))
        return tr("Shared a post");
    if (a.kind == QLatin1String("follow"))
        return tr("Started following us");
    if (a.kind == QLatin1String("tag"))
        return tr("Tagged us");
    return tr("(no text)");
}

QVariant SocialActivityModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Activity& a = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return title(a);
    case Qt::ToolTipRole: {
        // Tooltips guess at rich text: posts go in escaped, links as text.
        QStringList lines { a.body.isEmpty() ? title(a) : a.body };
        if (!a.url.isEmpty())
            lines << a.url;
        return Qt::convertFromPlainText(lines.join(QLatin1Char('\n')), Qt::WhiteSpaceNormal);
    }
    case ContextRoles::DetailRole: {
        QString kind = a.kind;
        kind.replace(QLatin1Char('_'), QLatin1Char(' '));
        if (!kind.isEmpty())
            kind[0] = kind.at(0).toUpper();
        const QString author = a.byCustomer ? QStringLiteral("@") + a.authorHandle
                                            : tr("@%1 (us)").arg(a.authorHandle);
        return QStringList { networkLabel(a.network), kind, author, CustomerTimelineModel::whenLabel(a.postedAt) }
            .join(QStringLiteral(" · "));
    }
    case ContextRoles::BadgeRole:
        if (a.intent == QLatin1String("churn_risk"))
            return tr("Churn risk");
        if (a.sentiment && *a.sentiment <= -0.25)
            return tr("Negative");
        if (a.sentiment && *a.sentiment >= 0.25 && a.byCustomer)
            return tr("Positive");
        return QString();
    case ContextRoles::BadgeToneRole:
        if (a.intent == QLatin1String("churn_risk"))
            return int(ContextRoles::Warning);
        if (a.sentiment && *a.sentiment <= -0.25)
            return int(ContextRoles::Negative);
        if (a.sentiment && *a.sentiment >= 0.25 && a.byCustomer)
            return int(ContextRoles::Positive);
        return int(ContextRoles::Neutral);
    case ContextRoles::IconNameRole:
        return QStringLiteral("channel-social");
    case ActivityIdRole:
        return a.id;
    case KindRole:
        return a.kind;
    case ByCustomerRole:
        return a.byCustomer;
    }
    return {};
}
