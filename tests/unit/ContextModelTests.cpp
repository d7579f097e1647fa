// The read-only models behind the customer context panel, against a real
// store: order, paging by key, filters, the older-history edge, refresh in
// place, masking, and the queries for social activity, tickets, knowledge
// suggestions and the closest customers of an unknown identity. Every model
// runs under QAbstractItemModelTester.
#include "CheckedModel.h"
#include "ContextFixture.h"
#include "context/CustomerMatchModel.h"
#include "context/CustomerTimelineModel.h"
#include "context/KnowledgeSuggestionModel.h"
#include "context/OpenTicketsModel.h"
#include "context/SocialActivityModel.h"
#include "store/Statement.h"
#include "workspace/ActiveInteraction.h"

#include <QDate>
#include <QDateTime>
#include <QSignalSpy>
#include <catch2/catch.hpp>

using TestSupport::CheckedModel;

namespace {

QList<qint64> idsInStoreOrder(Store& store, qint64 customerId, const char* extraCondition = "1")
{
    const QByteArray sql = QByteArray("SELECT id FROM interactions WHERE customer_id = ? AND ") + extraCondition
        + " ORDER BY offered_at DESC, id DESC";
    Statement& st = store.db().cached(sql.constData());
    st.bind(1, customerId);
    QList<qint64> ids;
    while (st.step())
        ids << st.int64(0);
    st.reset();
    return ids;
}

QList<qint64> modelIds(const QAbstractItemModel& model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(ContextRoles::IdRole).toLongLong();
    return ids;
}

void fetchAll(QAbstractItemModel& model)
{
    while (model.canFetchMore(QModelIndex()))
        model.fetchMore(QModelIndex());
}

} // namespace

TEST_CASE("timeline pages newest first by key without losing or repeating rows that share a second",
    "[context][timeline]")
{
    ContextFixture data(120);
    CustomerTimelineModel model(data.store);
    CheckedModel checked(&model);
    model.setCustomer(data.rossi);

    CHECK(model.rowCount() == CustomerTimelineModel::kPageSize);
    CHECK(model.storedCount() == 120);
    CHECK(model.edge() == CustomerTimelineModel::Edge::LocalPages);
    CHECK(model.index(0, 0).data(CustomerTimelineModel::InteractionIdRole).toLongLong() == data.newestInteraction);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore(QModelIndex());
    CHECK(model.rowCount() == 2 * CustomerTimelineModel::kPageSize);
    CHECK(inserted.count() == 1);
    fetchAll(model);
    CHECK(model.rowCount() == 120);
    CHECK(modelIds(model) == idsInStoreOrder(data.store, data.rossi));
    // Offline: nothing to ask, this is the start of the history on this desk.
    CHECK(model.edge() == CustomerTimelineModel::Edge::LocalOnly);
    CHECK_FALSE(model.canFetchMore(QModelIndex()));
}

TEST_CASE("timeline rows carry the channel icon, details, sentiment and satisfaction badges", "[context][timeline]")
{
    ContextFixture data(10);
    CustomerTimelineModel model(data.store);
    CheckedModel checked(&model);
    model.setCustomer(data.rossi);

    const QModelIndex newest = model.index(0, 0);
    CHECK(newest.data().toString() == QStringLiteral("Spia rossa sul modem"));
    CHECK(newest.data(ContextRoles::IconNameRole).toString() == QStringLiteral("channel-voice"));
    CHECK(newest.data(CustomerTimelineModel::ChannelKeyRole).toString() == QStringLiteral("voice"));
    const QString detail = newest.data(ContextRoles::DetailRole).toString();
    CHECK(detail.contains(QStringLiteral("Today")));
    CHECK(detail.contains(QStringLiteral("Laura Verdi")));
    CHECK(detail.contains(QStringLiteral("Resolved")));
    CHECK(detail.contains(QStringLiteral("5 min")));
    CHECK(newest.data(ContextRoles::BadgeRole).toString() == QStringLiteral("Negative"));
    CHECK(newest.data(ContextRoles::BadgeToneRole).toInt() == ContextRoles::Negative);
    CHECK(newest.data(ContextRoles::StarsRole).toString() == QStringLiteral("★★☆☆☆"));
    CHECK(model.index(1, 0).data(ContextRoles::BadgeRole).toString() == QStringLiteral("Positive"));
    CHECK(model.index(2, 0).data(ContextRoles::BadgeRole).toString().isEmpty());
    CHECK(model.index(1, 0).data(ContextRoles::StarsRole).toString().isEmpty());
}

TEST_CASE("stored disposition and reason keys read as their translatable labels, unknown keys as empty",
    "[context][timeline]")
{
    CHECK(ActiveInteraction::dispositionLabel(QStringLiteral("information_sent")) == QStringLiteral("Information sent"));
    CHECK(ActiveInteraction::dispositionLabel(QStringLiteral("abandoned")) == QStringLiteral("Abandoned"));
    CHECK(ActiveInteraction::dispositionLabel(QStringLiteral("self_served")) == QStringLiteral("Self-served"));
    CHECK(ActiveInteraction::dispositionLabel(QStringLiteral("billing")).isEmpty());
    CHECK(ActiveInteraction::contactReasonLabel(QStringLiteral("relocation")) == QStringLiteral("Moving home"));
    CHECK(ActiveInteraction::contactReasonLabel(QStringLiteral("no_such_reason")).isEmpty());
}

TEST_CASE("timeline excerpt is the customer's first message with card numbers masked", "[context][timeline][masking]")
{
    ContextFixture data(10);
    CustomerTimelineModel model(data.store);
    CheckedModel checked(&model);
    model.setCustomer(data.rossi);

    const QString excerpt = model.index(0, 0).data(ContextRoles::ExcerptRole).toString();
    CHECK(excerpt.startsWith(QStringLiteral("Il modem ha la spia rossa")));
    CHECK(excerpt.contains(QStringLiteral("•••• •••• •••• 1111")));
    CHECK_FALSE(excerpt.contains(QStringLiteral("4111 1111")));
    CHECK_FALSE(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("4111 1111")));
}

TEST_CASE("timeline of a customer without history, or of no customer, is empty and reads no more",
    "[context][timeline]")
{
    ContextFixture data(10);
    CustomerTimelineModel model(data.store);
    CheckedModel checked(&model);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    CHECK(model.rowCount() == 0);
    model.setCustomer(data.marco);
    CHECK(resets.count() == 1);
    CHECK(model.rowCount() == 0);
    CHECK(model.storedCount() == 0);
    CHECK_FALSE(model.canFetchMore(QModelIndex()));

    model.setCustomer(data.rossi);
    CHECK(model.rowCount() == 10);
    model.setCustomer(0);
    CHECK(resets.count() == 3);
    CHECK(model.rowCount() == 0);
    CHECK_FALSE(model.canFetchMore(QModelIndex()));
}

TEST_CASE("timeline shows customer-written subjects as text, never as markup, and says the direction",
    "[context][timeline]")
{
    ContextFixture data(0);
    const qint64 markup = data.addInteraction(
        data.bianchi, data.now - 3600, "email", QStringLiteral("<img src=x onerror=alert(1)> <b>refund</b>"));
    const qint64 untitled = data.addInteraction(data.bianchi, data.now - 7200, "sms", QString());
    data.store.db().cached("UPDATE interactions SET direction = 'outbound' WHERE id = ?").bind(1, untitled).run();
    CustomerTimelineModel model(data.store);
    CheckedModel checked(&model);
    model.setCustomer(data.bianchi);

    REQUIRE(model.rowCount() == 2);
    const QModelIndex subject = model.index(0, 0);
    CHECK(subject.data(CustomerTimelineModel::InteractionIdRole).toLongLong() == markup);
    CHECK(subject.data(CustomerTimelineModel::OfferedAtRole).toLongLong() == data.now - 3600);
    CHECK(subject.data().toString() == QStringLiteral("<img src=x onerror=alert(1)> <b>refund</b>"));
    const QString tooltip = subject.data(Qt::ToolTipRole).toString();
    CHECK_FALSE(tooltip.contains(QLatin1String("<b>")));
    CHECK_FALSE(tooltip.contains(QLatin1String("<img")));
    CHECK(tooltip.contains(QLatin1String("&lt;b&gt;refund&lt;/b&gt;")));
    CHECK(tooltip.contains(QLatin1String("Assistenza")));
    CHECK(subject.data(ContextRoles::DetailRole).toString().contains(QLatin1String("inbound")));

    // No subject: the row says what it was instead of showing nothing.
    const QModelIndex outbound = model.index(1, 0);
    CHECK(outbound.data().toString() == QStringLiteral("SMS, outbound"));
    CHECK(outbound.data(ContextRoles::DetailRole).toString().contains(QLatin1String("outbound")));
}

TEST_CASE("timeline filters by channel and pages within the filter", "[context][timeline]")
{
    ContextFixture data(120);
    CustomerTimelineModel model(data.store);
    CheckedModel checked(&model);
    model.setCustomer(data.rossi);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    model.setChannelFilter(Channel::Email);
    CHECK(resets.count() == 1);
    CHECK(model.isFiltered());
    CHECK(model.channelFilter() == Channel::Email);
    fetchAll(model);
    CHECK(model.rowCount() == 15);
    CHECK(modelIds(model) == idsInStoreOrder(data.store, data.rossi, "channel = 'email'"));
    for (int row = 0; row < model.rowCount(); ++row)
        CHECK(model.index(row, 0).data(CustomerTimelineModel::ChannelKeyRole).toString() == QStringLiteral("email"));

    model.setChannelFilter(std::nullopt);
    CHECK(model.rowCount() == CustomerTimelineModel::kPageSize);
    CHECK_FALSE(model.isFiltered());
}

TEST_CASE("timeline search finds words in subjects and messages, all words required", "[context][timeline]")
{
    ContextFixture data(40);
    CustomerTimelineModel model(data.store);
    CheckedModel checked(&model);
    model.setCustomer(data.rossi);

    SECTION("a word in the subject, any case")
    {
        model.setSearchText(QStringLiteral("MODEM"));
        REQUIRE(model.rowCount() == 1);
        CHECK(model.index(0, 0).data().toString() == QStringLiteral("Spia rossa sul modem"));
    }
    SECTION("a word only in a message, which becomes the excerpt")
    {
        model.setSearchText(QStringLiteral("rimborso"));
        REQUIRE(model.rowCount() == 1);
        CHECK(model.index(0, 0).data().toString() == QStringLiteral("Contatto 7 su forum"));
        CHECK(model.index(0, 0).data(ContextRoles::ExcerptRole).toString().contains(QStringLiteral("rimborso")));
    }
    SECTION("every word must match")
    {
        model.setSearchText(QStringLiteral("rimborso modem"));
        CHECK(model.rowCount() == 0);
        model.setSearchText(QStringLiteral("spia   modem"));
        CHECK(model.rowCount() == 1);
    }
    SECTION("LIKE wildcards are searched as characters")
    {
        model.setSearchText(QStringLiteral("100%"));
        CHECK(model.rowCount() == 1);
        model.setSearchText(QStringLiteral("%"));
        CHECK(model.rowCount() == 1);
        // Only the self_service contacts have an underscore (n = 6, 14, 22, 30, 38).
        model.setSearchText(QStringLiteral("_"));
        CHECK(model.rowCount() == 5);
    }
    SECTION("search and channel filter combine, and a new customer clears both")
    {
        model.setSearchText(QStringLiteral("contatto"));
        model.setChannelFilter(Channel::Chat);
        fetchAll(model);
        CHECK(model.rowCount() == 5);
        model.setCustomer(data.rossi);
        CHECK_FALSE(model.isFiltered());
        CHECK(model.searchText().isEmpty());
        CHECK(model.rowCount() == 40);
    }
}

TEST_CASE("timeline asks for older history once at the edge and reads what arrived", "[context][timeline][history]")
{
    ContextFixture data(60);
    CustomerTimelineModel model(data.store);
    CheckedModel checked(&model);
    model.setOlderHistorySource(true);
    QSignalSpy wanted(&model, &CustomerTimelineModel::olderHistoryWanted);
    model.setCustomer(data.rossi);

    model.fetchMore(QModelIndex());
    CHECK(model.rowCount() == 60);
    CHECK(wanted.isEmpty());
    CHECK(model.edge() == CustomerTimelineModel::Edge::Older);
    REQUIRE(model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex());
    REQUIRE(wanted.count() == 1);
    CHECK(wanted.at(0).at(0).toLongLong() == data.rossi);
    CHECK(model.edge() == CustomerTimelineModel::Edge::Asking);
    // Scrolling on while the answer is on its way asks nothing more.
    CHECK_FALSE(model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex());
    CHECK(wanted.count() == 1);

    SECTION("older rows arrive: they are appended, and the next edge asks again")
    {
        const qint64 oldest = data.now - 400 * 86'400;
        QList<qint64> arrived;
        for (int n = 0; n < 3; ++n)
            arrived << data.addInteraction(data.rossi, oldest - n * 86'400, "email", QStringLiteral("Vecchio %1").arg(n));
        model.olderHistoryFetched(data.rossi, 3, 200);
        CHECK(model.rowCount() == 63);
        CHECK(modelIds(model).mid(60) == arrived);
        CHECK(model.storedCount() == 63);
        CHECK(model.edge() == CustomerTimelineModel::Edge::Older);
        model.fetchMore(QModelIndex());
        CHECK(wanted.count() == 2);
    }
    SECTION("the backend has nothing older: the whole history is here, and is not asked for again")
    {
        model.olderHistoryFetched(data.rossi, 0, 60);
        CHECK(model.edge() == CustomerTimelineModel::Edge::Start);
        CHECK_FALSE(model.canFetchMore(QModelIndex()));
        model.setCustomer(data.rossi);
        fetchAll(model);
        CHECK(model.edge() == CustomerTimelineModel::Edge::Start);
        CHECK(wanted.count() == 1);
    }
    SECTION("a failure is shown and retried only when asked")
    {
        model.olderHistoryFailed(data.rossi, QStringLiteral("Server unreachable"));
        CHECK(model.edge() == CustomerTimelineModel::Edge::Failed);
        CHECK(model.lastError() == QStringLiteral("Server unreachable"));
        CHECK_FALSE(model.canFetchMore(QModelIndex()));
        model.retryOlderHistory();
        CHECK(wanted.count() == 2);
        CHECK(model.edge() == CustomerTimelineModel::Edge::Asking);
    }
    SECTION("answers about another customer are ignored")
    {
        model.olderHistoryFetched(data.bianchi, 5, 10);
        CHECK(model.edge() == CustomerTimelineModel::Edge::Asking);
    }
}

TEST_CASE("timeline refreshes in place when the sync adds or changes the customer's interactions",
    "[context][timeline]")
{
    ContextFixture data(60);
    CustomerTimelineModel model(data.store);
    CheckedModel checked(&model);
    model.setCustomer(data.rossi);
    model.fetchMore(QModelIndex());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    const qint64 fresh = data.addInteraction(data.rossi, data.now - 60, "chat", QStringLiteral("Nuova chat"));
    model.refreshInteractions({}, { fresh });
    CHECK(resets.isEmpty());
    REQUIRE(inserted.count() == 1);
    CHECK(inserted.at(0).at(1).toInt() == 0);
    CHECK(model.rowCount() == 61);
    CHECK(model.index(0, 0).data().toString() == QStringLiteral("Nuova chat"));
    CHECK(model.storedCount() == 61);

    data.store.db().cached("UPDATE interactions SET csat = 5 WHERE id = ?").bind(1, data.newestInteraction).run();
    model.refreshInteractions({}, { data.newestInteraction });
    REQUIRE(changed.count() == 1);
    // Only its row repaints.
    CHECK(changed.at(0).at(0).value<QModelIndex>().row() == 1);
    CHECK(changed.at(0).at(1).value<QModelIndex>().row() == 1);
    CHECK(model.index(1, 0).data(ContextRoles::StarsRole).toString() == QStringLiteral("★★★★★"));

    // Changes to other customers read nothing and signal nothing.
    const qint64 other = data.addInteraction(data.bianchi, data.now, "voice", QStringLiteral("Altro"));
    model.refreshInteractions({ data.bianchi }, { other });
    CHECK(inserted.count() == 1);
    CHECK(changed.count() == 1);
    CHECK(resets.isEmpty());
    CHECK(model.rowCount() == 61);
}

TEST_CASE("social activity tells the customer's own posts from our replies and sums them up", "[context][social]")
{
    ContextFixture data(5);
    SocialActivityModel model(data.store);
    CheckedModel checked(&model);
    model.setCustomer(data.rossi);

    REQUIRE(model.rowCount() == 16);
    // Newest first: yesterday's post, then our reply ten minutes after the mention.
    CHECK(model.index(0, 0).data().toString() == QStringLiteral("Post 11 su @Lumenet"));
    CHECK(model.index(1, 0).data().toString() == QStringLiteral("Ciao Mario, ti scriviamo in DM"));
    CHECK_FALSE(model.index(1, 0).data(SocialActivityModel::ByCustomerRole).toBool());
    CHECK(model.index(1, 0).data(ContextRoles::DetailRole).toString().contains(QStringLiteral("@lumenet (us)")));
    const QModelIndex mention = model.index(2, 0);
    CHECK(mention.data(SocialActivityModel::ByCustomerRole).toBool());
    CHECK(mention.data(ContextRoles::BadgeRole).toString() == QStringLiteral("Churn risk"));
    CHECK(mention.data(ContextRoles::BadgeToneRole).toInt() == ContextRoles::Warning);
    CHECK(mention.data(ContextRoles::DetailRole).toString()
        == QStringLiteral("Instagram · Mention · @mario_rossi · %1")
               .arg(CustomerTimelineModel::whenLabel(data.now - 2 * 86'400)));
    CHECK(model.index(3, 0).data().toString() == QStringLiteral("Liked a post"));

    const SocialActivityModel::Summary& s = model.summary();
    CHECK(s.handle == QStringLiteral("Mario_Rossi")); // as they wrote it in their latest post
    CHECK(s.network == QStringLiteral("instagram"));
    CHECK(s.followers == 12'400);
    CHECK(SocialActivityModel::influenceLabel(s.followers) == QStringLiteral("High"));
    CHECK(s.ownByKind.value(QStringLiteral("post")) == 12);
    CHECK(s.ownByKind.value(QStringLiteral("mention")) == 1);
    CHECK(s.ownByKind.value(QStringLiteral("like")) == 1);
    CHECK(s.ownByKind.value(QStringLiteral("follow")) == 1);
    CHECK_FALSE(s.ownByKind.contains(QStringLiteral("comment"))); // ours, not theirs
    CHECK(s.monthlySentiment.size() == SocialActivityModel::kTrendMonths);
    CHECK(s.trend == SocialActivityModel::Trend::Worsening);
}

TEST_CASE("social sentiment trend follows the months, oldest first", "[context][social]")
{
    ContextFixture data(1);
    SocialActivityModel model(data.store);
    CheckedModel checked(&model);
    const QDate today = QDate::currentDate();
    model.setTrendEnd(today);
    model.setCustomer(data.rossi);
    const QList<std::optional<double>>& months = model.summary().monthlySentiment;
    REQUIRE(months.size() == 12);
    CHECK(months.last().has_value());
    CHECK(*months.last() < 0);
    int known = 0;
    for (const auto& m : months)
        known += m.has_value() ? 1 : 0;
    CHECK(known >= 10);

    model.setCustomer(data.marco);
    CHECK(model.rowCount() == 0);
    CHECK(model.summary().trend == SocialActivityModel::Trend::Unknown);
    CHECK(model.summary().handle.isEmpty());
}

TEST_CASE("open tickets come most urgent first with overdue ones flagged and card numbers masked",
    "[context][tickets]")
{
    ContextFixture data(1);
    OpenTicketsModel model(data.store);
    CheckedModel checked(&model);
    model.setCustomer(data.rossi);

    REQUIRE(model.rowCount() == 2);
    CHECK(model.pressingCount() == 1);
    CHECK(model.index(0, 0).data().toString().endsWith(QStringLiteral("Rimborso bolletta marzo")));
    CHECK(model.index(0, 0).data(OpenTicketsModel::PriorityRole).toString() == QStringLiteral("urgent"));
    CHECK(model.index(0, 0).data(ContextRoles::BadgeRole).toString() == QStringLiteral("Overdue"));
    CHECK(model.index(1, 0).data(ContextRoles::BadgeRole).toString() == QStringLiteral("High"));
    CHECK(model.index(1, 0).data(ContextRoles::DetailRole).toString().startsWith(QStringLiteral("Open · High priority")));
    CHECK(model.index(1, 0).data(ContextRoles::ExcerptRole).toString()
        == QStringLiteral("Il cliente scrive: carta •••• •••• •••• 4444"));
    model.setCustomer(data.bianchi);
    CHECK(model.rowCount() == 0);
}

TEST_CASE("knowledge query keeps significant words, trims endings and reads the latest first", "[context][knowledge]")
{
    CHECK(KnowledgeSuggestionModel::matchExpression(QString()).isEmpty());
    CHECK(KnowledgeSuggestionModel::matchExpression(QStringLiteral("the and per che 12345 ok")).isEmpty());
    CHECK(KnowledgeSuggestionModel::matchExpression(QStringLiteral("Le bollette del modem"))
        == QStringLiteral("\"mode\"* OR \"bollet\"*"));
    // Quotes a customer typed cannot break out of the FTS string.
    CHECK(KnowledgeSuggestionModel::matchExpression(QStringLiteral("router\"* OR x"))
        == QStringLiteral("\"rout\"*"));
    // A long transcript: the latest words count, up to a bounded query.
    QString many;
    for (int n = 0; n < 40; ++n)
        many += QStringLiteral(" %1%2parola").arg(QChar(u'a' + n % 26)).arg(QChar(u'a' + n / 26));
    const QString expression = KnowledgeSuggestionModel::matchExpression(many);
    CHECK(expression.count(QStringLiteral(" OR ")) == KnowledgeSuggestionModel::kMaxTerms - 1);
    CHECK(expression.startsWith(QStringLiteral("\"nbparo\"*")));
    CHECK_FALSE(expression.contains(QStringLiteral("\"aaparo")));
}

TEST_CASE("knowledge suggestions follow the conversation and prefer the customer's language",
    "[context][knowledge]")
{
    ContextFixture data(1);
    KnowledgeSuggestionModel model(data.store);
    CheckedModel checked(&model);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    model.setText(QStringLiteral("Buongiorno, la spia del modem è rossa da ieri sera"), QStringLiteral("it"));
    REQUIRE(model.rowCount() >= 1);
    CHECK(model.index(0, 0).data(KnowledgeSuggestionModel::ArticleIdRole).toLongLong() == data.modemArticle);
    CHECK(model.index(0, 0).data(ContextRoles::DetailRole).toString().startsWith(QStringLiteral("Italian")));
    CHECK_FALSE(model.index(0, 0).data(ContextRoles::ExcerptRole).toString().isEmpty());

    model.setText(QStringLiteral("I'd like a refund, there is a credit note on my account"), QStringLiteral("en"));
    REQUIRE(model.rowCount() >= 1);
    CHECK(model.index(0, 0).data(KnowledgeSuggestionModel::ArticleIdRole).toLongLong() == data.refundArticle);

    // Same words, same language: nothing is read again.
    const int before = int(resets.count());
    model.setText(QStringLiteral("I'd like a refund, there is a credit note on my account!"), QStringLiteral("en"));
    CHECK(resets.count() == before);

    model.setText(QString());
    CHECK(model.rowCount() == 0);

    const std::optional<KnowledgeSuggestionModel::Article> article = model.article(data.routerArticle);
    REQUIRE(article);
    CHECK(article->title == QStringLiteral("Red light on your router: what to do"));
    CHECK(article->body.contains(QStringLiteral("Restart the router")));
    CHECK_FALSE(model.article(999'999));
}

TEST_CASE("closest customers of an unknown phone number share its last digits", "[context][matches]")
{
    ContextFixture data(1);
    CustomerMatchModel model(data.store);
    CheckedModel checked(&model);

    model.setIdentity(IdentityKind::Phone, QStringLiteral("06 1234 5678"));
    CHECK(model.normalizedValue() == QStringLiteral("+390612345678"));
    REQUIRE(model.rowCount() == 1);
    CHECK(model.index(0, 0).data(CustomerMatchModel::CustomerIdRole).toLongLong() == data.bianchi);
    CHECK(model.index(0, 0).data().toString() == QStringLiteral("Giulia Bianchi"));
    CHECK(model.index(0, 0).data(CustomerMatchModel::ReasonRole).toInt()
        == int(CustomerMatchModel::Reason::PhoneEnding));
    CHECK(model.index(0, 0).data(ContextRoles::ExcerptRole).toString().contains(QStringLiteral("+39 02 1234 5678")));

    // The caller id gave a name: a namesake is offered too.
    model.setIdentity(IdentityKind::Phone, QStringLiteral("+39 347 000 0000"), QString(), QStringLiteral("Mario Rossi"));
    REQUIRE(model.rowCount() == 1);
    CHECK(model.index(0, 0).data(CustomerMatchModel::CustomerIdRole).toLongLong() == data.rossi);
    CHECK(model.index(0, 0).data(ContextRoles::BadgeRole).toString() == QStringLiteral("VIP"));

    model.setIdentity(IdentityKind::Phone, QStringLiteral("+39 347 000 0000"));
    CHECK(model.rowCount() == 0);
    model.setIdentity(IdentityKind::Phone, QStringLiteral("not a number"));
    CHECK(model.normalizedValue().isEmpty());
    CHECK(model.rowCount() == 0);
}

TEST_CASE("closest customers of an unknown email address share its name before the @", "[context][matches]")
{
    ContextFixture data(1);
    CustomerMatchModel model(data.store);
    CheckedModel checked(&model);

    model.setIdentity(IdentityKind::Email, QStringLiteral(" Giulia.Bianchi@Gmail.com "));
    // Found by the address and by the name in it, listed once.
    REQUIRE(model.rowCount() == 1);
    CHECK(model.index(0, 0).data(CustomerMatchModel::CustomerIdRole).toLongLong() == data.bianchi);
    CHECK(model.index(0, 0).data(CustomerMatchModel::ReasonRole).toInt() == int(CustomerMatchModel::Reason::EmailName));
    CHECK(model.index(0, 0).data(CustomerMatchModel::MatchedValueRole).toString()
        == QStringLiteral("giulia.bianchi@libero.it"));

    // "mario.rossi" at another domain: Mario by his address; nobody else has it.
    model.setIdentity(IdentityKind::Email, QStringLiteral("mario.rossi@altro.it"));
    REQUIRE(model.rowCount() >= 1);
    CHECK(model.index(0, 0).data(CustomerMatchModel::CustomerIdRole).toLongLong() == data.rossi);
    CHECK(CustomerMatchModel::nameWords(QStringLiteral("mario.rossi88")) == QStringList { QStringLiteral("mario"), QStringLiteral("rossi") });
}

TEST_CASE("closest customers of an unknown handle have the same handle on another network", "[context][matches]")
{
    ContextFixture data(1);
    CustomerMatchModel model(data.store);
    CheckedModel checked(&model);

    model.setIdentity(IdentityKind::Social, QStringLiteral("@Giulia_B"), QStringLiteral("Instagram"));
    CHECK(model.network() == QStringLiteral("instagram"));
    REQUIRE(model.rowCount() == 1);
    CHECK(model.index(0, 0).data(CustomerMatchModel::CustomerIdRole).toLongLong() == data.bianchi);
    CHECK(model.index(0, 0).data(CustomerMatchModel::ReasonRole).toInt() == int(CustomerMatchModel::Reason::SameHandle));
    CHECK(model.index(0, 0).data(ContextRoles::ExcerptRole).toString() == QStringLiteral("Same handle @giulia_b on X"));

    // The same handle on the same network is that customer's, not a candidate.
    model.setIdentity(IdentityKind::Social, QStringLiteral("giulia_b"), QStringLiteral("x"));
    CHECK(model.rowCount() == 0);
}

TEST_CASE("the phone-ending lookup walks its index, not every identity", "[context][matches][migrations]")
{
    ContextFixture data(1);
    Statement& plan = data.store.db().cached(
        "EXPLAIN QUERY PLAN SELECT c.id, i.value FROM identities i JOIN customers c ON c.id = i.customer_id"
        " WHERE i.kind = 'phone' AND substr(i.value, -8) = ?1 AND i.value <> ?2");
    plan.bind(1, QStringLiteral("12345678")).bind(2, QStringLiteral("+390612345678"));
    QString steps;
    while (plan.step())
        steps += plan.text(3) + QLatin1Char('\n');
    plan.reset();
    INFO(steps.toStdString());
    CHECK(steps.contains(QStringLiteral("identities_by_phone_ending")));
}
