#include "DemoTexts.h"

#include "DemoRandom.h"

#include <QDate>
#include <QHash>
#include <algorithm>
#include <array>
#include <initializer_list>

namespace {

using Language = DemoTexts::Language;
using Reason = DemoTexts::Reason;

QStringList list(std::initializer_list<const char*> items)
{
    QStringList result;
    result.reserve(qsizetype(items.size()));
    for (const char* item : items)
        result << QString::fromUtf8(item);
    return result;
}

// ---------------------------------------------------------------------------
// People. Accents and apostrophes on purpose: search has to fold them.

const QStringList& italianFemale()
{
    static const QStringList names = list({
        "Giulia",
        "Francesca",
        "Chiara",
        "Sara",
        "Martina",
        "Valentina",
        "Alessia",
        "Federica",
        "Elena",
        "Silvia",
        "Laura",
        "Paola",
        "Anna",
        "Maria",
        "Roberta",
        "Simona",
        "Ilaria",
        "Beatrice",
        "Aurora",
        "Sofia",
        "Noemi",
        "Gaia",
        "Carmela",
        "Concetta",
        "Rosaria",
        "Assunta",
        "Raffaella",
        "Lucia",
        "Antonella",
        "Teresa",
        "Annunziata",
        "Benedetta",
        "Ludovica",
        "Greta",
        "Agnese",
        "Maddalena",
        "Désirée",
        "Zoè",
        "Margherita",
        "Caterina",
        "Immacolata",
        "Giovanna",
        "Rebecca",
        "Viola",
    });
    return names;
}

const QStringList& italianMale()
{
    static const QStringList names = list({
        "Giuseppe",
        "Antonio",
        "Giovanni",
        "Francesco",
        "Marco",
        "Luca",
        "Alessandro",
        "Andrea",
        "Matteo",
        "Lorenzo",
        "Davide",
        "Stefano",
        "Paolo",
        "Roberto",
        "Salvatore",
        "Gennaro",
        "Ciro",
        "Vincenzo",
        "Pasquale",
        "Carmine",
        "Nicolò",
        "Niccolò",
        "Mattia",
        "Leonardo",
        "Tommaso",
        "Riccardo",
        "Gabriele",
        "Emanuele",
        "Domenico",
        "Raffaele",
        "Fabrizio",
        "Massimo",
        "Enrico",
        "Pietro",
        "Gianluca",
        "Gianmarco",
        "Michele",
        "Daniele",
        "Federico",
        "Jacopo",
        "Gioele",
        "Mosè",
    });
    return names;
}

const QStringList& italianSurnames()
{
    static const QStringList names = list({
        "Rossi",
        "Russo",
        "Ferrari",
        "Esposito",
        "Bianchi",
        "Romano",
        "Colombo",
        "Ricci",
        "Marino",
        "Greco",
        "Bruno",
        "Gallo",
        "Conti",
        "De Luca",
        "Mancini",
        "Costa",
        "Giordano",
        "Rizzo",
        "Lombardi",
        "Moretti",
        "Barbieri",
        "Fontana",
        "Santoro",
        "Mariani",
        "Rinaldi",
        "Caruso",
        "Ferrara",
        "Galli",
        "Martini",
        "Leone",
        "Longo",
        "Gentile",
        "Martinelli",
        "Vitale",
        "Lombardo",
        "Serra",
        "Coppola",
        "De Santis",
        "D'Angelo",
        "Marchetti",
        "Parisi",
        "Villa",
        "Conte",
        "Ferraro",
        "Ferri",
        "Fabbri",
        "Bianco",
        "Marini",
        "Grasso",
        "Valentini",
        "Messina",
        "Sala",
        "De Angelis",
        "Gatti",
        "Pellegrini",
        "Palumbo",
        "Sanna",
        "Farina",
        "Rizzi",
        "Monti",
        "Cattaneo",
        "Morelli",
        "Amato",
        "Silvestri",
        "Mazza",
        "Testa",
        "Dell'Acqua",
        "Lo Russo",
        "Di Matteo",
        "D'Amico",
        "Cantù",
        "Zappalà",
        "Calò",
        "Pellè",
        "Mazzà",
        "Capuano",
        "Sorrentino",
        "Iovine",
        "Annunziata",
        "Della Valle",
        "Nicolò",
        "Sciarrà",
        "Schettino",
    });
    return names;
}

const QStringList& englishFemale()
{
    static const QStringList names = list({
        "Olivia",
        "Amelia",
        "Isla",
        "Ava",
        "Emily",
        "Sophie",
        "Grace",
        "Lily",
        "Chloe",
        "Chloë",
        "Zoë",
        "Lucía",
        "Renée",
        "Siân",
        "Cerys",
        "Ffion",
        "Niamh",
        "Aoife",
        "Eilís",
        "Megan",
        "Hannah",
        "Charlotte",
        "Jessica",
        "Rebecca",
        "Laura",
        "Sarah",
        "Emma",
        "Katie",
        "Bethan",
        "Rhiannon",
        "Seren",
        "Priya",
        "Aisha",
        "Fatima",
        "Maja",
    });
    return names;
}

const QStringList& englishMale()
{
    static const QStringList names = list({
        "Oliver",
        "George",
        "Harry",
        "Jack",
        "Jacob",
        "Noah",
        "Charlie",
        "Thomas",
        "Oscar",
        "William",
        "James",
        "Rhys",
        "Gareth",
        "Dafydd",
        "Owain",
        "Iwan",
        "Seán",
        "Ciarán",
        "Liam",
        "Daniel",
        "Matthew",
        "Samuel",
        "Joseph",
        "Benjamin",
        "Alexander",
        "Ethan",
        "Callum",
        "Jamie",
        "Dylan",
        "Rory",
        "José",
        "André",
        "Arjun",
        "Mohammed",
        "Tomás",
    });
    return names;
}

const QStringList& englishSurnames()
{
    static const QStringList names = list({
        "Smith",
        "Jones",
        "Williams",
        "Taylor",
        "Brown",
        "Davies",
        "Evans",
        "Wilson",
        "Thomas",
        "Johnson",
        "Roberts",
        "Robinson",
        "Thompson",
        "Wright",
        "Walker",
        "White",
        "Edwards",
        "Hughes",
        "Green",
        "Hall",
        "Lewis",
        "Harris",
        "Clarke",
        "Patel",
        "Jackson",
        "Wood",
        "Turner",
        "Martin",
        "Cooper",
        "Hill",
        "Ward",
        "Morris",
        "Moore",
        "Clark",
        "Lee",
        "King",
        "Baker",
        "Harrison",
        "Morgan",
        "Allen",
        "James",
        "Scott",
        "Phillips",
        "Watson",
        "Davis",
        "Parker",
        "Price",
        "Bennett",
        "Young",
        "Griffiths",
        "O'Brien",
        "O'Connor",
        "McDonald",
        "MacLeod",
        "García",
        "Núñez",
        "Nowak",
        "Ahmed",
        "Khan",
        "Singh",
        "Nguyen",
        "Ferreira",
        "Brontë",
        "ap Rhys",
    });
    return names;
}

// ---------------------------------------------------------------------------
// Places.

DemoTexts::City city(const char* name, const char* country, const char* postcode, int spread)
{
    return DemoTexts::City { QString::fromUtf8(name), QString::fromLatin1(country),
        QString::fromLatin1(postcode), spread };
}

const QStringList& italianStreets()
{
    static const QStringList streets
        = list({ "Via Roma", "Via Garibaldi", "Via Mazzini", "Via Verdi", "Via Cavour", "Via Marconi",
            "Via Dante Alighieri", "Viale Europa", "Via della Libertà", "Via Nazionale", "Via Manzoni",
            "Via Sant'Antonio", "Via Matteotti", "Corso Italia", "Via XX Settembre", "Piazza Garibaldi" });
    return streets;
}

const QStringList& englishStreets()
{
    static const QStringList streets
        = list({ "High Street", "Station Road", "Church Lane", "Queen Street", "Victoria Road", "Park Avenue",
            "Mill Lane", "Green Lane", "Manor Road", "Castle Street", "King's Road" });
    return streets;
}

// Streets that belong to one city: half the addresses there use them.
const QStringList& localStreets(const QString& city)
{
    static const QHash<QString, QStringList> streets {
        { QStringLiteral("Milano"),
            list({ "Viale Monza", "Corso Buenos Aires", "Largo Augusto", "Via Niccolò Tommaseo",
                "Corso di Porta Romana", "Via Padova" }) },
        { QStringLiteral("Napoli"),
            list({ "Via Toledo", "Via dei Mille", "Via Caracciolo", "Via San Biagio dei Librai",
                "Vico Lungo Pontecorvo", "Corso Umberto I" }) },
        { QStringLiteral("Roma"),
            list({ "Via del Corso", "Via Appia Nuova", "Viale di Trastevere", "Via Tuscolana" }) },
        { QStringLiteral("Torino"), list({ "Via Po", "Corso Francia", "Via Nizza" }) },
        { QStringLiteral("Cardiff"),
            list({ "Cathedral Road", "St Mary Street", "Albany Road", "Heol y Felin", "Ffordd Pengam" }) },
        { QStringLiteral("London"), list({ "Kingsway", "Upper Street", "Mare Street", "Brixton Road" }) },
        { QStringLiteral("Swansea"), list({ "Walter Road", "Heol Las" }) },
    };
    static const QStringList none;
    const auto it = streets.constFind(city);
    return it == streets.cend() ? none : *it;
}

// ---------------------------------------------------------------------------
// What customers and agents write, per contact reason. Each bank has the
// Italian texts first, then the English ones.

using Bank = std::array<std::array<const char*, 3>, 2>;

struct ReasonTexts
{
    const char* key;
    Bank subjects;
    Bank questions;
    Bank complaints;
    Bank replies;
    std::array<const char*, 2> sms;
    std::array<const char*, 2> ticket;
};

const std::array<ReasonTexts, DemoTexts::kReasonCount> kReasons { {
    { "billing",
        { { { "Bolletta di {month}: importo più alto del solito",
                "Richiesta chiarimenti fattura n. {invoice}", "Addebito non riconosciuto in bolletta" },
            { "Question about my {month} bill", "Invoice {invoice}: charges I don't recognise",
                "Why has my bill gone up?" } } },
        { { { "Buongiorno, vorrei sapere perché la bolletta di {month} è di {amount}: di solito pago molto "
              "meno.",
                "Salve, come posso scaricare la fattura n. {invoice} dall'area clienti?",
                "Vorrei sapere a cosa si riferisce la voce \"servizi aggiuntivi\" nella fattura {invoice}." },
            { "Hi, could you explain why my {month} bill is {amount}? It's usually much less.",
                "How do I download invoice {invoice} from My Account?",
                "Could you tell me what the \"additional services\" charge on invoice {invoice} is "
                "for?" } } },
        { { { "È inaccettabile: mi avete addebitato {amount} per un servizio che non ho mai richiesto. "
              "Voglio il "
              "rimborso.",
                "Terza bolletta sbagliata di fila. Presento formale reclamo: la fattura {invoice} è di "
                "{amount}, il "
                "doppio del solito!",
                "Mi avete fatturato la {product} anche dopo la disdetta. Inaccettabile, voglio una nota di "
                "credito." },
            { "This is unacceptable: you've charged me {amount} for something I never ordered. I want a "
              "refund.",
                "Third wrong bill in a row. I want to make a formal complaint: invoice {invoice} is "
                "{amount}, double "
                "what it should be!",
                "You're still billing me for {product} after I cancelled it. Unacceptable — I expect a "
                "credit "
                "note." } } },
        { { { "Buongiorno {name}, ho verificato la fattura {invoice}: l'importo include il conguaglio dei "
              "consumi. "
              "Le invio il dettaglio via email.",
                "Ciao {name}, ho controllato: c'è stato un addebito errato di {amount}. Ho già disposto una "
                "nota di "
                "credito che vedrà nella prossima bolletta.",
                "Gentile {name}, trova la fattura nell'area clienti alla voce Documenti > Fatture. Gliel'ho "
                "comunque "
                "inviata via email." },
            { "Hi {name}, I've checked invoice {invoice}: it includes a catch-up on your usage. I'm emailing "
              "you the "
              "breakdown now.",
                "Hi {name}, you're right — there was a wrong charge of {amount}. I've raised a credit note, "
                "you'll see "
                "it on your next bill.",
                "Hi {name}, you'll find it in My Account under Documents > Bills. I've also emailed you a "
                "copy." } } },
        { "Lumenet: la fattura {invoice} di {amount} è disponibile nell'area clienti. Scadenza {date}.",
            "Lumenet: your bill {invoice} for {amount} is ready in My Account. Due on {date}." },
        { "Il cliente contesta la fattura {invoice} ({amount}). Verificare gli addebiti e, se errati, "
          "emettere nota "
          "di credito.",
            "Customer disputes invoice {invoice} ({amount}). Check the charges and issue a credit note if "
            "they are "
            "wrong." } },
    { "technical_fault",
        { { { "Internet non funziona da {days} giorni", "Linea fissa muta", "Modem con spia rossa" },
            { "No internet for {days} days", "No dial tone on my landline", "Red light on my router" } } },
        { { { "Buongiorno, da stamattina il modem ha la spia rossa fissa. Come posso risolvere?",
                "Vorrei sapere se c'è un guasto in zona a {city}: la connessione va e viene.",
                "Salve, la fibra va lentissima la sera. Come posso verificare la velocità reale?" },
            { "Hi, my router has had a solid red light since this morning. How do I fix it?",
                "Could you check whether there's an outage in {city}? My connection keeps dropping.",
                "My fibre is really slow in the evenings. How do I check the actual speed?" } } },
        { { { "Sono senza internet da {days} giorni e lavoro da casa. È inaccettabile, nessuno mi richiama.",
                "Ho già aperto la pratica {ticket} e il tecnico non si è presentato. Faccio reclamo formale.",
                "Pago la {product} e vado a 5 mega. Inaccettabile, voglio l'indennizzo." },
            { "I've had no internet for {days} days and I work from home. It's unacceptable and nobody calls "
              "me "
              "back.",
                "I already opened ticket {ticket} and the engineer never turned up. I'm making a formal "
                "complaint.",
                "I pay for {product} and I'm getting 5 Mbps. Unacceptable — I want compensation." } } },
        { { { "Buongiorno {name}, vedo un guasto sulla centrale di zona: i tecnici sono al lavoro e il "
              "ripristino "
              "è previsto entro il {date}.",
                "Ciao {name}, ho fatto un test da remoto e ho riavviato la linea: mi conferma se ora la spia "
                "è verde?",
                "Gentile {name}, ho fissato l'intervento del tecnico per il {date}, {time}. Le arriverà un "
                "SMS di "
                "conferma." },
            { "Hi {name}, I can see a fault at the local exchange: engineers are on it and we expect it "
              "fixed by "
              "{date}.",
                "Hi {name}, I've run a remote test and reset the line — is the light green now?",
                "Hi {name}, I've booked an engineer for {date}, {time}. You'll get a text to confirm." } } },
        { "Lumenet: il tecnico passerà il {date}, {time}. Rispondi ANNULLA per spostare l'appuntamento.",
            "Lumenet: your engineer will visit on {date}, {time}. Reply CANCEL to rearrange." },
        { "Guasto segnalato dal cliente: {product} non funzionante da {days} giorni. Test remoto KO, serve "
          "intervento in sede.",
            "Customer reports a fault: {product} down for {days} days. Remote test failed; an engineer visit "
            "is "
            "needed." } },
    { "relocation",
        { { { "Trasloco: trasferimento linea a {city}", "Cambio indirizzo di fornitura",
                "Trasloco il {date}" },
            { "Moving home: transfer my broadband to {city}", "Change of supply address",
                "Moving on {date}" } } },
        { { { "Salve, mi trasferisco a {city} il {date}. Come posso portare la {product} nel nuovo "
              "appartamento?",
                "Vorrei sapere quanto costa il trasloco della linea e quanto tempo serve.",
                "Buongiorno, devo cambiare l'indirizzo di fornitura della luce. Come posso fare?" },
            { "Hi, I'm moving to {city} on {date}. How do I take my {product} to the new flat?",
                "Could you tell me how much it costs to move my line and how long it takes?",
                "Hello, I need to change the supply address for my electricity. How do I do that?" } } },
        { { { "Ho chiesto il trasloco della linea un mese fa e sono ancora senza internet nella casa nuova. "
              "Inaccettabile.",
                "Mi state fatturando ancora la vecchia casa dopo il trasloco. Voglio fare reclamo.",
                "Il trasloco doveva essere il {date} e nessuno si è presentato. Pessimo servizio." },
            { "I asked for my line to be moved a month ago and I still have no internet at the new house. "
              "Unacceptable.",
                "You're still billing me for my old address after the move. I want to make a complaint.",
                "The move was booked for {date} and nobody turned up. Terrible service." } } },
        { { { "Buongiorno {name}, ho registrato il trasloco al nuovo indirizzo: l'attivazione è prevista per "
              "il "
              "{date}, senza costi aggiuntivi.",
                "Ciao {name}, per il trasloco ci servono il nuovo indirizzo e la data: la linea resta attiva "
                "fino al "
                "giorno prima.",
                "Gentile {name}, ho corretto l'indirizzo di fatturazione e stornato gli importi della "
                "vecchia casa." },
            { "Hi {name}, I've booked the move to your new address: it goes live on {date}, at no extra "
              "cost.",
                "Hi {name}, for the move we just need the new address and the date — your line stays on "
                "until the day "
                "before.",
                "Hi {name}, I've corrected your billing address and credited the charges for the old "
                "house." } } },
        { "Lumenet: il trasloco della tua linea è confermato per il {date}.",
            "Lumenet: your home move is confirmed for {date}." },
        { "Trasloco linea verso {city} richiesto per il {date}. Verificare copertura e pianificare "
          "l'attivazione.",
            "Line move to {city} requested for {date}. Check coverage and schedule the activation." } },
    { "cancellation",
        { { { "Richiesta di disdetta", "Recesso dal contratto {product}", "Disdetta e restituzione modem" },
            { "I want to cancel", "Cancelling my {product} contract", "Cancellation and router return" } } },
        { { { "Vorrei sapere come disdire il contratto e se ci sono penali.",
                "Come posso restituire il modem dopo la disdetta?",
                "Salve, se disdico adesso quanto pago di costi di disattivazione?" },
            { "Could you tell me how to cancel my contract and whether there's an early exit fee?",
                "How do I return the router after cancelling?",
                "If I cancel now, how much will the exit fee be?" } } },
        { { { "Ho mandato la disdetta via PEC due mesi fa e continuate ad addebitarmi {amount}. "
              "Inaccettabile!",
                "Voglio disdire tutto: tra guasti e bollette sbagliate non ne posso più. Reclamo formale.",
                "Mi avete fatto pagare {amount} di penale che nessuno mi aveva detto. Presento reclamo." },
            { "I sent my cancellation two months ago and you're still taking {amount}. Unacceptable!",
                "I want to cancel everything — between the faults and the wrong bills I've had enough. This "
                "is a "
                "formal complaint.",
                "You charged me an exit fee of {amount} that nobody mentioned. I'm making a complaint." } } },
        { { { "Buongiorno {name}, mi dispiace sentirlo. Prima di procedere posso proporle la {product} a "
              "{amount} "
              "al mese per 12 mesi?",
                "Ciao {name}, ho registrato la disdetta con decorrenza {date}. Riceverà l'etichetta per "
                "restituire il "
                "modem.",
                "Gentile {name}, ho verificato: la disdetta risulta dal {date}, ho disposto il rimborso di "
                "{amount}." },
            { "Hi {name}, I'm sorry to hear that. Before I go ahead, could I offer you {product} at {amount} "
              "a month "
              "for 12 months?",
                "Hi {name}, I've logged your cancellation from {date}. You'll get a label to send the router "
                "back.",
                "Hi {name}, I've checked: your cancellation was effective from {date}, so I've refunded "
                "{amount}." } } },
        { "Lumenet: abbiamo ricevuto la tua richiesta di disdetta, con decorrenza {date}.",
            "Lumenet: we've received your cancellation. It takes effect on {date}." },
        { "Richiesta di disdetta del cliente. Verificare eventuali penali e gestire la restituzione del "
          "modem.",
            "Customer wants to cancel. Check any exit fees and arrange the router return." } },
    { "new_contract",
        { { { "Informazioni sulla {product}", "Nuova attivazione {product}",
                "Offerta {product} per la casa" },
            { "About {product}", "New {product} order", "{product} for my home" } } },
        { { { "Buongiorno, vorrei sapere se a {city} arriva la {product} e quanto costa.",
                "Come posso aggiungere la {product} al mio contratto?",
                "Vorrei attivare luce e gas insieme: c'è uno sconto?" },
            { "Hi, could you tell me if {product} is available in {city} and how much it is?",
                "How do I add {product} to my account?",
                "I'd like to switch gas and electricity together — is there a discount?" } } },
        { { { "Avevo chiesto l'attivazione il {date} e ancora niente. Inaccettabile, se è così vado dalla "
              "concorrenza.",
                "Il prezzo che mi avete detto al telefono era {amount}, nel contratto c'è scritto altro. "
                "Inaccettabile.",
                "Nessuno mi ha ancora mandato il contratto da firmare, è la terza volta che chiamo. "
                "Reclamo." },
            { "I asked for activation on {date} and still nothing. Unacceptable — if this is how it works "
              "I'll go "
              "elsewhere.",
                "The price I was quoted on the phone was {amount}, the contract says something else. "
                "Unacceptable.",
                "Nobody has sent me the contract to sign yet — this is the third time I've called. I want to "
                "complain." } } },
        { { { "Ottima scelta, {name}! La {product} è disponibile al suo indirizzo a {amount} al mese. Le "
              "invio il "
              "contratto da firmare.",
                "Ciao {name}, ho attivato la {product}: riceverà tutto entro il {date}.",
                "Gentile {name}, per luce e gas insieme c'è uno sconto del 10% per il primo anno. Procedo?" },
            { "Great choice, {name}! {product} is available at your address for {amount} a month. I'm "
              "sending you "
              "the contract to sign.",
                "Hi {name}, I've set up {product}: everything will be with you by {date}.",
                "Hi {name}, gas and electricity together get 10% off for the first year. Shall I go "
                "ahead?" } } },
        { "Lumenet: benvenuto! La tua {product} sarà attiva dal {date}.",
            "Lumenet: welcome! Your {product} will be live from {date}." },
        { "Nuova attivazione {product}: verificare la documentazione e confermare al cliente la data di "
          "attivazione.",
            "New {product} order: check the paperwork and confirm the activation date to the customer." } },
    { "delivery",
        { { { "Spedizione ordine {order}", "Modem non ancora consegnato", "Dov'è il mio ordine {order}?" },
            { "Order {order} delivery", "Router not delivered yet", "Where is my order {order}?" } } },
        { { { "Vorrei sapere quando arriva l'ordine {order}: il tracking è fermo da giorni.",
                "Come posso cambiare l'indirizzo di consegna dell'ordine {order}?",
                "Salve, il corriere ha lasciato un avviso. Come posso riprogrammare la consegna?" },
            { "Could you tell me when order {order} will arrive? Tracking hasn't moved for days.",
                "How do I change the delivery address for order {order}?",
                "The courier left a card. How do I rebook the delivery?" } } },
        { { { "L'ordine {order} doveva arrivare il {date} e non si è visto nessuno. Inaccettabile.",
                "Mi è arrivato un modem rotto. Voglio la sostituzione subito, faccio reclamo.",
                "Il corriere dice di essere passato ma io ero a casa tutto il giorno. Reclamo!" },
            { "Order {order} was due on {date} and nobody came. Unacceptable.",
                "The router arrived broken. I want a replacement straight away — this is a complaint.",
                "The courier says they called but I was in all day. I want to make a complaint!" } } },
        { { { "Buongiorno {name}, l'ordine {order} è in consegna: il corriere passerà il {date}.",
                "Ciao {name}, ho spedito un nuovo modem in sostituzione, arriverà entro il {date}.",
                "Gentile {name}, ho aggiornato l'indirizzo di consegna dell'ordine {order}." },
            { "Hi {name}, order {order} is out for delivery: the courier will be with you on {date}.",
                "Hi {name}, I've sent a replacement router, it'll arrive by {date}.",
                "Hi {name}, I've updated the delivery address for order {order}." } } },
        { "Lumenet: il tuo ordine {order} sarà consegnato il {date}, {time}.",
            "Lumenet: your order {order} arrives on {date}, {time}." },
        { "Ordine {order} non consegnato. Aprire una pratica con il corriere e valutare la rispedizione.",
            "Order {order} not delivered. Open a claim with the courier and consider sending it again." } },
    { "complaint",
        { { { "Reclamo per il servizio ricevuto", "Reclamo: nessuna risposta da settimane",
                "Operatore scortese" },
            { "Complaint about the service I received", "Complaint: no reply for weeks",
                "Rude advisor on the phone" } } },
        { { { "Vorrei sapere come presentare un reclamo formale e in quanto tempo rispondete.",
                "Come posso avere il numero della pratica di reclamo che ho aperto il {date}?",
                "Vorrei sapere a chi scrivere per un reclamo, il modulo sul sito non funziona." },
            { "Could you tell me how to make a formal complaint and how long you take to reply?",
                "How do I get the reference for the complaint I opened on {date}?",
                "Could you tell me who to write to about a complaint? The form on your website doesn't "
                "work." } } },
        { { { "Ho chiamato cinque volte e ogni volta devo rispiegare tutto da capo. È inaccettabile.",
                "L'operatore di ieri mi ha chiuso il telefono in faccia. Voglio fare reclamo.",
                "Aspetto una risposta al reclamo {ticket} da tre settimane. Vergognoso, inaccettabile." },
            { "I've called five times and every time I have to explain everything from scratch. It's "
              "unacceptable.",
                "The advisor I spoke to yesterday hung up on me. I want to make a complaint.",
                "I've been waiting three weeks for a reply to complaint {ticket}. Disgraceful and "
                "unacceptable." } } },
        { { { "Buongiorno {name}, mi scuso per il disagio. Ho registrato il reclamo {ticket}: le "
              "risponderemo per "
              "iscritto entro 30 giorni.",
                "Ciao {name}, ha ragione e mi dispiace. Ho preso in carico personalmente la pratica "
                "{ticket}.",
                "Gentile {name}, ho girato la segnalazione al responsabile del team, che la ricontatterà "
                "entro il "
                "{date}." },
            { "Hi {name}, I'm sorry for the trouble. I've logged complaint {ticket} and we'll reply in "
              "writing "
              "within 8 weeks at the latest.",
                "Hi {name}, you're right and I'm sorry. I've taken ownership of case {ticket} myself.",
                "Hi {name}, I've passed this to the team manager, who will call you back by {date}." } } },
        { "Lumenet: abbiamo registrato il tuo reclamo {ticket}. Ti risponderemo entro 30 giorni.",
            "Lumenet: we've logged your complaint {ticket}. We'll be in touch within 8 weeks at the "
            "latest." },
        { "Reclamo formale del cliente sul servizio ricevuto. Ricostruire lo storico dei contatti e "
          "rispondere per "
          "iscritto.",
            "Formal complaint about the service received. Review the contact history and reply in "
            "writing." } },
    { "information",
        { { { "Informazioni sugli orari del servizio clienti", "Domanda sull'app Lumenet",
                "Richiesta informazioni" },
            { "Opening hours question", "Question about the Lumenet app", "General enquiry" } } },
        { { { "Salve, vorrei sapere se posso gestire tutto dall'app, anche i pagamenti.",
                "Come posso cambiare la password dell'area clienti?",
                "Vorrei sapere se c'è uno sconto per le famiglie numerose." },
            { "Hi, could you tell me if I can manage everything from the app, payments included?",
                "How do I change my My Account password?",
                "Could you tell me whether there's a discount for carers or pensioners?" } } },
        { { { "L'app si blocca ogni volta che provo ad accedere. Inaccettabile per un'azienda come la "
              "vostra.",
                "Ho cercato per mezz'ora un numero da chiamare sul sito. Pessimo, reclamo.",
                "Nessuno risponde alla chat da ore, inaccettabile!" },
            { "The app crashes every time I try to log in. Unacceptable for a company your size.",
                "I spent half an hour looking for a phone number on your website. Terrible — I want to "
                "complain.",
                "Nobody has answered the chat for hours, it's unacceptable!" } } },
        { { { "Buongiorno {name}, dall'app può pagare, scaricare le fatture e segnalare guasti. Le mando il "
              "link "
              "per scaricarla.",
                "Ciao {name}, può reimpostare la password da \"Password dimenticata?\" nella pagina di "
                "accesso. Le ho "
                "mandato la guida.",
                "Gentile {name}, le ho inviato l'articolo della nostra guida con tutte le informazioni." },
            { "Hi {name}, in the app you can pay, download bills and report faults. I'm sending you the "
              "link.",
                "Hi {name}, you can reset it from \"Forgotten your password?\" on the sign-in page. I've "
                "sent you the "
                "guide.",
                "Hi {name}, I've sent you the help article with everything you need." } } },
        { "Lumenet: scarica l'app Lumenet per gestire offerte, fatture e pagamenti.",
            "Lumenet: get the Lumenet app to manage your plans, bills and payments." },
        { "Richiesta di informazioni a cui non è stato possibile rispondere subito. Ricontattare il cliente.",
            "Enquiry we could not answer straight away. Call the customer back." } },
    { "payment",
        { { { "Pagamento bolletta scaduta", "Attivazione domiciliazione SEPA",
                "Sollecito di pagamento ricevuto" },
            { "Paying an overdue bill", "Setting up a Direct Debit", "Payment reminder received" } } },
        { { { "Come posso pagare la bolletta scaduta il {date}? Non vorrei mi sospendeste la linea.",
                "Vorrei sapere come attivare la domiciliazione bancaria.",
                "Ho pagato {amount} con bonifico il {date}, mi confermate che è arrivato?" },
            { "How do I pay the bill that was due on {date}? I don't want my line suspended.",
                "Could you tell me how to set up a Direct Debit?",
                "I paid {amount} by bank transfer on {date} — could you confirm you've received it?" } } },
        { { { "Ho pagato regolarmente e mi arriva un sollecito di {amount}. Inaccettabile!",
                "Mi avete addebitato due volte {amount} sul conto. Voglio il rimborso subito, faccio "
                "reclamo.",
                "Mi avete sospeso la linea anche se avevo già pagato. Presento reclamo." },
            { "I've paid on time and I get a reminder for {amount}. Unacceptable!",
                "You've taken {amount} from my account twice. I want it back now — this is a complaint.",
                "You suspended my line even though I'd already paid. I'm making a complaint." } } },
        { { { "Buongiorno {name}, il pagamento di {amount} risulta registrato: può ignorare il sollecito.",
                "Ciao {name}, ho attivato la domiciliazione SEPA: sarà attiva dalla prossima bolletta.",
                "Gentile {name}, ho verificato il doppio addebito e disposto il rimborso di {amount} entro "
                "{days} "
                "giorni lavorativi." },
            { "Hi {name}, your payment of {amount} is on our system, so you can ignore the reminder.",
                "Hi {name}, I've set up your Direct Debit: it starts with your next bill.",
                "Hi {name}, I've checked the double payment and refunded {amount}; it'll be with you within "
                "{days} "
                "working days." } } },
        { "Lumenet: abbiamo ricevuto il pagamento di {amount}. Grazie!",
            "Lumenet: we've received your payment of {amount}. Thank you!" },
        { "Pagamento di {amount} non riconciliato o addebitato due volte. Verificare con l'amministrazione e "
          "rimborsare.",
            "Payment of {amount} not matched or taken twice. Check with finance and refund." } },
    { "plan_change",
        { { { "Cambio offerta", "Passaggio a {product}", "C'è un'offerta più conveniente?" },
            { "Changing my plan", "Upgrade to {product}", "Is there a cheaper plan?" } } },
        { { { "Vorrei sapere se posso passare alla {product} senza costi.",
                "Come posso aggiungere più giga alla mia offerta mobile?",
                "Salve, c'è un'offerta più conveniente di quella che ho adesso?" },
            { "Could you tell me if I can move to {product} at no cost?",
                "How do I add more data to my mobile plan?",
                "Hi, is there a cheaper plan than the one I'm on?" } } },
        { { { "Mi avete cambiato l'offerta senza avvisarmi e ora pago {amount} in più. Inaccettabile.",
                "I nuovi clienti pagano la metà di me. Non è giusto, faccio reclamo.",
                "Ho chiesto il cambio offerta il {date} e non è ancora stato fatto. Reclamo." },
            { "You changed my plan without telling me and now I pay {amount} more. Unacceptable.",
                "New customers pay half what I do. It's not fair — I want to make a complaint.",
                "I asked for a plan change on {date} and it still hasn't happened. I want to complain." } } },
        { { { "Ottima notizia, {name}: può passare alla {product} a {amount} al mese, senza costi di "
              "attivazione. "
              "Procedo?",
                "Ciao {name}, ho aggiunto l'opzione: sarà attiva entro 24 ore.",
                "Gentile {name}, ho applicato lo sconto fedeltà: dal {date} pagherà {amount} al mese." },
            { "Good news, {name}: you can move to {product} for {amount} a month, with no set-up fee. Shall "
              "I go "
              "ahead?",
                "Hi {name}, I've added the bolt-on: it'll be active within 24 hours.",
                "Hi {name}, I've applied a loyalty discount: from {date} you'll pay {amount} a month." } } },
        { "Lumenet: la tua nuova offerta {product} è attiva dal {date}.",
            "Lumenet: your new {product} plan is live from {date}." },
        { "Cambio offerta verso {product} richiesto dal cliente. Verificare i vincoli e applicarlo dal "
          "prossimo "
          "ciclo.",
            "Customer asked to move to {product}. Check any minimum term and apply it from the next "
            "bill." } },
} };

const ReasonTexts& textsFor(Reason reason)
{
    return kReasons[std::size_t(reason)];
}

// The reason banks converted to QString once (fill() runs millions of times),
// in a function-local static so that two generators on two threads are safe.
struct ConvertedReason
{
    std::array<QStringList, 2> subjects, questions, complaints, replies;
};

const ConvertedReason& converted(Reason reason)
{
    static const auto all = [] {
        const auto convert = [](const Bank& bank) {
            std::array<QStringList, 2> result;
            for (std::size_t l = 0; l < 2; ++l)
                for (const char* text : bank[l])
                    result[l] << QString::fromUtf8(text);
            return result;
        };
        std::array<ConvertedReason, DemoTexts::kReasonCount> result;
        for (std::size_t r = 0; r < kReasons.size(); ++r) {
            result[r].subjects = convert(kReasons[r].subjects);
            result[r].questions = convert(kReasons[r].questions);
            result[r].complaints = convert(kReasons[r].complaints);
            result[r].replies = convert(kReasons[r].replies);
        }
        return result;
    }();
    return all[std::size_t(reason)];
}

const QString& pickFrom(const std::array<QStringList, 2>& bank, Language language, DemoRandom& random)
{
    return random.pick(bank[std::size_t(language)]);
}

const QStringList& byLanguage(Language language, const QStringList& italian, const QStringList& english)
{
    return language == DemoTexts::Italian ? italian : english;
}

// ---------------------------------------------------------------------------
// Texts that do not depend on the reason.

const QStringList& praise(Language language)
{
    static const QStringList it = list({
        "Complimenti, servizio impeccabile! Grazie mille a {agent}.",
        "Grazie mille, gentilissimi e velocissimi. Complimenti!",
        "Finalmente un operatore competente: complimenti a {agent}!",
        "Tutto risolto in cinque minuti, grazie mille!",
        "Servizio ottimo, complimenti. Vi consiglierò ad amici e parenti.",
    });
    static const QStringList en = list({
        "Brilliant service, thank you so much {agent}!",
        "Thank you so much — quick and friendly. Great service!",
        "Finally someone who knows what they're doing. Brilliant, thanks {agent}!",
        "Sorted in five minutes, thank you so much!",
        "Great service, I'll recommend you to friends and family. Brilliant.",
    });
    return byLanguage(language, it, en);
}

const QStringList& thanks(Language language)
{
    static const QStringList it = list({ "Grazie, buona giornata.", "Ok, grazie per l'aiuto.",
        "Perfetto, grazie.", "Va bene, attendo allora. Grazie.", "Ricevuto, grazie mille." });
    static const QStringList en = list({ "Thanks, have a good day.", "OK, thanks for your help.",
        "Perfect, thanks.", "OK, I'll wait then. Thanks.", "Got it, thank you." });
    return byLanguage(language, it, en);
}

const QStringList& stillUnhappy(Language language)
{
    static const QStringList it = list({
        "Non è la prima volta che me lo dite. Se non si risolve entro il {date} passo alla concorrenza.",
        "Questa risposta non mi basta, voglio parlare con un responsabile.",
        "Va bene, ma è inaccettabile aver aspettato così tanto.",
    });
    static const QStringList en = list({
        "That's not the first time you've told me that. If it isn't sorted by {date} I'm leaving.",
        "That answer isn't good enough, I want to speak to a manager.",
        "Fine, but it's unacceptable that I had to wait this long.",
    });
    return byLanguage(language, it, en);
}

const QStringList& closings(Language language)
{
    static const QStringList it = list({ "C'è altro in cui posso esserle utile, {name}?",
        "Grazie a lei {name}, buona giornata da {agent} di Lumenet.",
        "Resto a disposizione. Buona serata!" });
    static const QStringList en = list({ "Is there anything else I can help you with, {name}?",
        "Thanks {name}, have a lovely day — {agent} at Lumenet.", "Happy to help. Have a good evening!" });
    return byLanguage(language, it, en);
}

const QStringList& botGreetings(Language language)
{
    static const QStringList it = list({
        "Ciao {name}, sono Lumi, l'assistente virtuale di Lumenet. Ti metto in contatto con un operatore.",
        "Ciao! Sono Lumi 🙂 Un operatore ti risponderà tra pochi istanti.",
    });
    static const QStringList en = list({
        "Hi {name}, I'm Lumi, Lumenet's virtual assistant. I'm connecting you to an advisor.",
        "Hi! I'm Lumi 🙂 An advisor will be with you shortly.",
    });
    return byLanguage(language, it, en);
}

const QStringList& socialPosts(DemoTexts::Tone tone, Language language)
{
    static const QStringList praiseIt = list({
        "Devo dire che l'assistenza di @Lumenet oggi è stata perfetta. Complimenti!",
        "{product} attivata in 3 giorni, grazie mille @Lumenet",
        "Grazie mille a {agent} di @Lumenet, gentilissima e competente!",
    });
    static const QStringList praiseEn = list({
        "Have to say @Lumenet customer service was spot on today. Brilliant!",
        "{product} up and running in 3 days, thank you so much @Lumenet",
        "Shout out to {agent} at @Lumenet, brilliant help today!",
    });
    static const QStringList complaintIt = list({
        "@Lumenet senza internet da {days} giorni a {city}. Inaccettabile! #disservizio",
        "Terza bolletta sbagliata @Lumenet, ora basta. #reclamo",
        "Un'ora in attesa al telefono con @Lumenet. Vergogna.",
    });
    static const QStringList complaintEn = list({
        "@Lumenet no internet for {days} days in {city}. Unacceptable! #fail",
        "Third wrong bill from @Lumenet, I've had enough. #complaint",
        "An hour on hold to @Lumenet. Unacceptable.",
    });
    static const QStringList questionIt = list({
        "@Lumenet c'è un guasto a {city}? La fibra non va da stamattina",
        "@Lumenet come posso cambiare offerta dall'app?",
        "Qualcuno ha la {product} di @Lumenet? Come vi trovate?",
    });
    static const QStringList questionEn = list({
        "@Lumenet is there an outage in {city}? Fibre's been down since this morning",
        "@Lumenet how do I change my plan in the app?",
        "Anyone on {product} from @Lumenet? Is it any good?",
    });
    static const QStringList neutralIt = list({
        "Nuovo modem @Lumenet arrivato, vediamo come va.",
        "Trasloco fatto, ora manca solo internet 😅 @Lumenet",
        "Passato a {product} con @Lumenet, vi faccio sapere.",
    });
    static const QStringList neutralEn = list({
        "New @Lumenet router arrived, let's see how it goes.",
        "Moved in, just waiting for the internet now 😅 @Lumenet",
        "Switched to {product} with @Lumenet, will report back.",
    });
    switch (tone) {
    case DemoTexts::Tone::Praise:
        return byLanguage(language, praiseIt, praiseEn);
    case DemoTexts::Tone::Complaint:
        return byLanguage(language, complaintIt, complaintEn);
    case DemoTexts::Tone::Question:
        return byLanguage(language, questionIt, questionEn);
    case DemoTexts::Tone::Neutral:
        break;
    }
    return byLanguage(language, neutralIt, neutralEn);
}

const QStringList& socialReplies(bool positive, Language language)
{
    static const QStringList sorryIt = list({ "Ciao {name}, ci dispiace! Ti abbiamo scritto in DM per "
                                              "verificare insieme.",
        "Ciao {name}, scusaci per il disagio: scrivici in privato il numero cliente e ti aiutiamo subito." });
    static const QStringList sorryEn
        = list({ "Hi {name}, sorry to hear that! We've sent you a DM so we can look into it.",
            "Hi {name}, sorry for the trouble — DM us your account number and we'll sort it." });
    static const QStringList thanksIt = list(
        { "Grazie {name}, giriamo i complimenti al team! 💙", "Che bello leggerlo, {name}! Grazie a te 💙" });
    static const QStringList thanksEn
        = list({ "Thanks {name}, we'll pass that on to the team! 💙", "Lovely to hear, {name}! Thank you 💙" });
    return positive ? byLanguage(language, thanksIt, thanksEn) : byLanguage(language, sorryIt, sorryEn);
}

// Month names by hand: QLocale's would depend on the ICU data installed.
const std::array<const char*, 12> kMonthsIt { "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
    "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre" };
const std::array<const char*, 12> kMonthsEn { "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December" };

QDate dateOf(qint64 utcSeconds)
{
    return QDate(1970, 1, 1).addDays(utcSeconds / 86400);
}

QString dayAndMonth(const QDate& date, Language language)
{
    const auto& months = language == DemoTexts::Italian ? kMonthsIt : kMonthsEn;
    return QString::number(date.day()) + QLatin1Char(' ')
        + QString::fromUtf8(months[std::size_t(date.month() - 1)]);
}

QString money(qint64 cents, const DemoTexts::Context& context)
{
    const QString units = QString::number(cents / 100);
    const QString hundredths = QStringLiteral("%1").arg(cents % 100, 2, 10, QLatin1Char('0'));
    if (context.language == DemoTexts::Italian)
        return units + QLatin1Char(',') + hundredths + QStringLiteral(" €");
    return (context.pounds ? QStringLiteral("£") : QStringLiteral("€")) + units + QLatin1Char('.')
        + hundredths;
}

QString slot(QStringView key, const DemoTexts::Context& context, DemoRandom& random)
{
    const bool it = context.language == DemoTexts::Italian;
    if (key == u"name")
        return context.customerFirstName;
    if (key == u"fullname")
        return context.customerFullName;
    if (key == u"agent")
        return context.agentFirstName;
    if (key == u"city")
        return context.city;
    if (key == u"product")
        return context.product.isEmpty() ? random.pick(DemoTexts::products(context.language))
                                         : context.product;
    if (key == u"amount")
        return money(context.amountCents > 0 ? context.amountCents : random.range(990, 24990), context);
    if (key == u"date") {
        const qint64 days = context.daysAhead > 0 ? context.daysAhead : random.range(1, 10);
        return dayAndMonth(dateOf(context.when + days * 86400), context.language);
    }
    if (key == u"month") {
        const QDate previous = dateOf(context.when).addMonths(-1);
        const auto& months = it ? kMonthsIt : kMonthsEn;
        return QString::fromUtf8(months[std::size_t(previous.month() - 1)]);
    }
    // Invoice, order and case numbers all derive from one reference, so the
    // agent quotes back the number the customer gave.
    const qint64 reference = context.reference > 0 ? context.reference : random.range(1, 1'000'000'000);
    if (key == u"invoice")
        return QStringLiteral("%1/%2")
            .arg(dateOf(context.when).year())
            .arg(100000 + reference % 9'900'000, 7, 10, QLatin1Char('0'));
    if (key == u"order")
        return QStringLiteral("LN-%1").arg(100000 + reference / 7 % 900'000);
    if (key == u"ticket")
        return QStringLiteral("#%1").arg(100000 + reference / 11 % 900'000);
    if (key == u"days")
        return QString::number(random.range(2, 6));
    if (key == u"time") {
        static const QStringList it
            = list({ "tra le 8:00 e le 12:00", "tra le 12:00 e le 14:00", "tra le 14:00 e le 18:00" });
        static const QStringList en
            = list({ "between 8am and 12pm", "between 12pm and 2pm", "between 2pm and 6pm" });
        return random.pick(byLanguage(context.language, it, en));
    }
    return QLatin1Char('{') + key.toString() + QLatin1Char('}');
}

} // namespace

const char* DemoTexts::reasonKey(Reason reason)
{
    return textsFor(reason).key;
}

const QStringList& DemoTexts::firstNames(Language language, bool female)
{
    if (language == Italian)
        return female ? italianFemale() : italianMale();
    return female ? englishFemale() : englishMale();
}

const QStringList& DemoTexts::lastNames(Language language)
{
    return language == Italian ? italianSurnames() : englishSurnames();
}

QString DemoTexts::asciiFold(const QString& text)
{
    // Decompose (ò -> o + combining grave), then keep only ASCII letters,
    // digits and spaces: apostrophes vanish, as people type them in e-mails.
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString result;
    result.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.unicode() < 128 && (c.isLetterOrNumber() || c == QLatin1Char(' ')))
            result.append(c.toLower());
    }
    return result;
}

const QList<DemoTexts::City>& DemoTexts::cities(Language language)
{
    // Italian CAPs: base and spread; UK: outward codes to pick from.
    static const QList<City> italian {
        city("Milano", "IT", "20121", 41),
        city("Milano", "IT", "20121", 41),
        city("Roma", "IT", "00118", 81),
        city("Roma", "IT", "00118", 81),
        city("Napoli", "IT", "80121", 26),
        city("Napoli", "IT", "80121", 26),
        city("Torino", "IT", "10121", 35),
        city("Bologna", "IT", "40121", 20),
        city("Firenze", "IT", "50121", 24),
        city("Palermo", "IT", "90121", 30),
        city("Bari", "IT", "70121", 20),
        city("Genova", "IT", "16121", 40),
        city("Verona", "IT", "37121", 20),
        city("Forlì", "IT", "47121", 1),
        city("Cantù", "IT", "22063", 1),
        city("Pozzuoli", "IT", "80078", 1),
        city("Monza", "IT", "20900", 1),
        city("Salerno", "IT", "84121", 15),
        city("Catania", "IT", "95121", 25),
        city("Cagliari", "IT", "09121", 14),
    };
    static const QList<City> english {
        city("London", "GB", "N1 E2 SE1 SW4 NW3 W2 EC1V E14 SW11", 0),
        city("London", "GB", "N1 E2 SE1 SW4 NW3 W2 EC1V E14 SW11", 0),
        city("Cardiff", "GB", "CF10 CF11 CF14 CF23 CF24 CF5", 0),
        city("Cardiff", "GB", "CF10 CF11 CF14 CF23 CF24 CF5", 0),
        city("Swansea", "GB", "SA1 SA2 SA3", 0),
        city("Newport", "GB", "NP10 NP19 NP20", 0),
        city("Bristol", "GB", "BS1 BS6 BS8", 0),
        city("Manchester", "GB", "M1 M14 M20", 0),
        city("Birmingham", "GB", "B1 B15 B29", 0),
        city("Edinburgh", "GB", "EH1 EH3 EH6", 0),
        // English speakers living in Italy: expats and students.
        city("Milano", "IT", "20121", 41),
        city("Firenze", "IT", "50121", 24),
        city("Roma", "IT", "00118", 81),
    };
    return language == Italian ? italian : english;
}

QString DemoTexts::address(const City& city, DemoRandom& random)
{
    if (city.country == QLatin1String("IT")) {
        const int cap = city.postcodePrefix.toInt() + int(random.below(city.postcodeSpread));
        const QStringList& local = localStreets(city.name);
        return QStringLiteral("%1 %2, %3 %4")
            .arg(!local.isEmpty() && random.percent(50) ? random.pick(local) : random.pick(italianStreets()))
            .arg(random.range(1, 180))
            .arg(cap, 5, 10, QLatin1Char('0'))
            .arg(city.name);
    }
    // UK inward codes never use C, I, K, M, O or V.
    static const char kInward[] = "ABDEFGHJLNPQRSTUWXYZ";
    const QStringList outward = city.postcodePrefix.split(QLatin1Char(' '));
    const QStringList& local = localStreets(city.name);
    QString inward = QString::number(random.range(1, 9));
    inward += QLatin1Char(kInward[random.below(20)]);
    inward += QLatin1Char(kInward[random.below(20)]);
    return QStringLiteral("%1 %2, %3 %4 %5")
        .arg(random.range(1, 240))
        .arg(!local.isEmpty() && random.percent(50) ? random.pick(local) : random.pick(englishStreets()),
            city.name, random.pick(outward), inward);
}

QString DemoTexts::company(Language language, const QString& firstName, const QString& lastName,
    const QString& city, DemoRandom& random)
{
    static const QStringList it = list({ "Ferramenta {last} S.r.l.", "Trattoria Da {first}",
        "Studio Legale {last}", "Panificio {last} & Figli", "Farmacia {last}",
        "Bar Centrale di {first} {last}", "Hotel {city} S.p.A.", "{last} Costruzioni S.r.l." });
    static const QStringList en = list({ "{last} & Sons Ltd", "{last} Plumbing Ltd", "The Red Lion ({city})",
        "{first}'s Bakery", "{last} Accountants LLP", "{city} Dental Care Ltd" });
    QString result = random.pick(byLanguage(language, it, en));
    result.replace(QLatin1String("{first}"), firstName);
    result.replace(QLatin1String("{last}"), lastName);
    result.replace(QLatin1String("{city}"), city);
    return result;
}

const QStringList& DemoTexts::emailDomains(Language language)
{
    static const QStringList it
        = list({ "gmail.com", "gmail.com", "gmail.com", "libero.it", "libero.it", "hotmail.it", "yahoo.it",
            "outlook.it", "virgilio.it", "tiscali.it", "alice.it", "icloud.com", "fastwebnet.it" });
    static const QStringList en = list({ "gmail.com", "gmail.com", "gmail.com", "hotmail.co.uk",
        "outlook.com", "yahoo.co.uk", "btinternet.com", "icloud.com", "sky.com", "virginmedia.com" });
    return byLanguage(language, it, en);
}

const QStringList& DemoTexts::products(Language language)
{
    static const QStringList it = list(
        { "Fibra 1000", "Fibra 2.5 Giga", "Mobile 150 Giga", "Luce Casa Verde", "Gas Flex", "Modem Wi-Fi 6",
            "SIM Ricaricabile Smart", "TV Sport Pack", "Assicurazione Smartphone", "Fibra Business Pro" });
    static const QStringList en
        = list({ "Full Fibre 900", "Fibre 500", "Unlimited 5G SIM", "Green Energy Home", "Smart Hub 2",
            "TV Sports Pack", "Phone Insurance", "Broadband Essentials", "Business Fibre Pro" });
    return byLanguage(language, it, en);
}

QString DemoTexts::subject(Reason reason, const Context& context, DemoRandom& random)
{
    return fill(pickFrom(converted(reason).subjects, context.language, random), context, random);
}

QString DemoTexts::customerQuestion(Reason reason, const Context& context, DemoRandom& random)
{
    return fill(pickFrom(converted(reason).questions, context.language, random), context, random);
}

QString DemoTexts::customerComplaint(Reason reason, const Context& context, DemoRandom& random)
{
    return fill(pickFrom(converted(reason).complaints, context.language, random), context, random);
}

QString DemoTexts::customerPraise(const Context& context, DemoRandom& random)
{
    return fill(random.pick(praise(context.language)), context, random);
}

QString DemoTexts::customerThanks(const Context& context, DemoRandom& random)
{
    return fill(random.pick(thanks(context.language)), context, random);
}

QString DemoTexts::customerStillUnhappy(const Context& context, DemoRandom& random)
{
    return fill(random.pick(stillUnhappy(context.language)), context, random);
}

QString DemoTexts::agentReply(Reason reason, const Context& context, DemoRandom& random)
{
    return fill(pickFrom(converted(reason).replies, context.language, random), context, random);
}

QString DemoTexts::agentClosing(const Context& context, DemoRandom& random)
{
    return fill(random.pick(closings(context.language)), context, random);
}

QString DemoTexts::botGreeting(const Context& context, DemoRandom& random)
{
    return fill(random.pick(botGreetings(context.language)), context, random);
}

QString DemoTexts::customerEmail(const QString& body, const Context& context, DemoRandom& random)
{
    static const QStringList openIt
        = list({ "Buongiorno,", "Spett.le Lumenet,", "Salve,", "Gentile servizio clienti," });
    static const QStringList openEn = list({ "Hello,", "Dear Lumenet,", "Hi,", "To whom it may concern," });
    static const QStringList closeIt
        = list({ "Cordiali saluti,\n{fullname}", "Grazie,\n{name}", "Saluti,\n{fullname}" });
    static const QStringList closeEn
        = list({ "Kind regards,\n{fullname}", "Thanks,\n{name}", "Best wishes,\n{fullname}" });
    static const QStringList greetings = list({ "Hi", "Hello", "Buongiorno", "Salve", "Ciao" });
    const QString open = random.pick(byLanguage(context.language, openIt, openEn));
    const QString close = fill(random.pick(byLanguage(context.language, closeIt, closeEn)), context, random);
    // Bodies that greet already ("Hi, my router...") need no second greeting.
    const bool greets = std::any_of(greetings.cbegin(), greetings.cend(),
        [&body](const QString& greeting) { return body.startsWith(greeting); });
    return (greets ? QString() : open + QStringLiteral("\n\n")) + body + QStringLiteral("\n\n") + close;
}

QString DemoTexts::agentEmail(const QString& body, const Context& context, DemoRandom& random)
{
    Q_UNUSED(random);
    const QString signature = context.language == Italian
        ? QStringLiteral("Cordiali saluti,\n%1\nServizio Clienti Lumenet").arg(context.agentFirstName)
        : QStringLiteral("Kind regards,\n%1\nLumenet Customer Care").arg(context.agentFirstName);
    return body + QStringLiteral("\n\n") + signature;
}

QString DemoTexts::smsNotification(Reason reason, const Context& context, DemoRandom& random)
{
    return fill(QString::fromUtf8(textsFor(reason).sms[std::size_t(context.language)]), context, random);
}

QString DemoTexts::socialPost(Tone tone, const Context& context, DemoRandom& random)
{
    return fill(random.pick(socialPosts(tone, context.language)), context, random);
}

QString DemoTexts::socialReply(bool positive, const Context& context, DemoRandom& random)
{
    return fill(random.pick(socialReplies(positive, context.language)), context, random);
}

QString DemoTexts::ticketDescription(Reason reason, const Context& context, DemoRandom& random)
{
    return fill(QString::fromUtf8(textsFor(reason).ticket[std::size_t(context.language)]), context, random);
}

const QStringList& DemoTexts::notReadyReasons()
{
    static const QStringList reasons = list(
        { "break", "lunch", "training", "team_meeting", "coaching", "back_office", "technical_issue" });
    return reasons;
}

QString DemoTexts::fill(const QString& text, const Context& context, DemoRandom& random)
{
    qsizetype open = text.indexOf(QLatin1Char('{'));
    if (open < 0)
        return text;
    QString result;
    result.reserve(text.size() + 32);
    qsizetype from = 0;
    while (open >= 0) {
        const qsizetype close = text.indexOf(QLatin1Char('}'), open);
        if (close < 0)
            break;
        result += QStringView(text).mid(from, open - from);
        result += slot(QStringView(text).mid(open + 1, close - open - 1), context, random);
        from = close + 1;
        open = text.indexOf(QLatin1Char('{'), from);
    }
    result += QStringView(text).mid(from);
    return result;
}

const QList<DemoTexts::Article>& DemoTexts::knowledgeArticles()
{
    struct Raw
    {
        const char* language;
        const char* tags;
        const char* title;
        const char* body;
    };
    // Written the way a help centre writes: short steps, what to check first.
    static constexpr Raw kRaw[] = {
        { "it", "bolletta,fatturazione", "Come leggere la bolletta",
            "La prima pagina riassume importo, scadenza e modalità di pagamento. Nella seconda trovi il "
            "dettaglio: "
            "canone dell'offerta, consumi del periodo, eventuali conguagli e servizi aggiuntivi.\n\n"
            "1. Controlla il periodo di fatturazione in alto a destra.\n2. Confronta i consumi con la "
            "lettura del "
            "contatore.\n3. Le voci \"una tantum\" compaiono una sola volta (per esempio l'attivazione).\n\n"
            "Se un addebito non ti torna, apri una segnalazione dall'area clienti allegando la fattura." },
        { "en", "bill,billing", "How to read your bill",
            "The first page sums up the amount, the due date and how you pay. The second page has the "
            "detail: your "
            "plan's monthly charge, usage for the period, any catch-up charges and extra services.\n\n"
            "1. Check the billing period at the top right.\n2. Compare the usage with your meter reading.\n"
            "3. One-off charges (such as set-up) appear only once.\n\n"
            "If a charge doesn't look right, raise a query from My Account and attach the bill." },
        { "it", "modem,internet,guasto", "Come riavviare il modem",
            "Molti problemi di connessione si risolvono con un riavvio completo.\n\n1. Spegni il modem dal "
            "tasto "
            "posteriore.\n2. Stacca l'alimentazione per 30 secondi.\n3. Riaccendi e attendi 5 minuti che la "
            "spia "
            "Internet diventi verde fissa.\n\nNon premere il tasto Reset: riporta il modem alle impostazioni "
            "di "
            "fabbrica e cancella il nome e la password del Wi-Fi." },
        { "en", "router,broadband,fault", "How to reset your router",
            "Most connection problems go away with a full restart.\n\n1. Switch the router off at the back.\n"
            "2. Unplug the power for 30 seconds.\n3. Plug it back in and wait 5 minutes for the Internet "
            "light to "
            "turn solid green.\n\nDon't press the pinhole Reset button: it restores factory settings and "
            "wipes your "
            "Wi-Fi name and password." },
        { "it", "modem,spia,guasto", "Spia rossa sul modem: cosa fare",
            "La spia rossa indica che il modem non riceve il segnale dalla centrale.\n\n1. Verifica che il "
            "cavo "
            "della fibra o del telefono sia ben inserito.\n2. Riavvia il modem.\n3. Controlla nell'app se ci "
            "sono "
            "guasti segnalati nella tua zona.\n\nSe la spia resta rossa dopo 15 minuti, segnala il guasto: "
            "faremo "
            "un test della linea da remoto." },
        { "en", "router,light,fault", "Red light on your router: what to do",
            "A red light means the router isn't getting a signal from the exchange.\n\n1. Check the fibre or "
            "phone "
            "cable is pushed in firmly.\n2. Restart the router.\n3. Check the app for known faults in your "
            "area.\n\n"
            "If the light is still red after 15 minutes, report a fault and we'll test the line remotely." },
        { "it", "trasloco,linea", "Trasloco: portare la linea nella nuova casa",
            "Puoi trasferire la tua offerta al nuovo indirizzo senza cambiare contratto. Richiedi il "
            "trasloco "
            "almeno 15 giorni prima: la linea resta attiva nella vecchia casa fino al giorno prima "
            "dell'attivazione.\n\nTi servono il nuovo indirizzo completo, la data del trasloco e un recapito "
            "telefonico. Il trasloco è gratuito una volta all'anno." },
        { "en", "moving,broadband", "Moving home: taking your broadband with you",
            "You can take your plan to your new address without a new contract. Let us know at least 15 days "
            "before you move: your old line stays on until the day before the new one goes live.\n\nWe'll "
            "need the "
            "full new address, the moving date and a contact number. Moving is free once a year." },
        { "it", "disdetta,recesso", "Come disdire il contratto",
            "Puoi disdire in qualsiasi momento dall'area clienti, via PEC o con raccomandata. La disdetta ha "
            "effetto entro 30 giorni.\n\nSe hai un modem in comodato d'uso, restituiscilo entro 30 giorni "
            "con "
            "l'etichetta prepagata che ti invieremo. Eventuali costi di disattivazione sono indicati nella "
            "sintesi contrattuale." },
        { "en", "cancel,contract", "How to cancel your contract",
            "You can cancel at any time from My Account or by writing to us. Cancellation takes effect "
            "within 30 "
            "days.\n\nIf you have one of our routers, send it back within 30 days using the prepaid label "
            "we'll "
            "email you. Any early exit fees are listed in your contract summary." },
        { "it", "pagamenti,sepa", "Attivare la domiciliazione bancaria (SEPA)",
            "Con la domiciliazione le bollette vengono pagate automaticamente alla scadenza.\n\n1. Entra "
            "nell'area clienti > Pagamenti.\n2. Inserisci l'IBAN e l'intestatario del conto.\n3. Conferma "
            "con il "
            "codice che ricevi via SMS.\n\nLa domiciliazione è attiva dalla bolletta successiva." },
        { "en", "payment,direct debit", "Setting up a Direct Debit",
            "With a Direct Debit your bills are paid automatically on the due date.\n\n1. Go to My Account > "
            "Payments.\n2. Enter the account holder, sort code and account number.\n3. Confirm with the code "
            "we "
            "text you.\n\nThe Direct Debit starts with your next bill and is covered by the Direct Debit "
            "Guarantee." },
        { "it", "consegna,ordine,modem", "Tracciare la consegna del modem",
            "Quando il tuo ordine parte ricevi un SMS con il link di tracciamento del corriere. Puoi "
            "cambiare "
            "giorno o indirizzo di consegna dallo stesso link fino al giorno prima.\n\nSe il corriere non ti "
            "trova, lascia un avviso: hai 5 giorni per riprogrammare la consegna o ritirare il pacco in un "
            "punto "
            "di ritiro." },
        { "en", "delivery,order,router", "Tracking your router delivery",
            "When your order ships we text you the courier's tracking link. You can change the day or the "
            "address "
            "from the same link up to the day before.\n\nIf you're out, the courier leaves a card: you have "
            "5 days "
            "to rebook or collect the parcel from a pick-up point." },
        { "it", "offerta,cambio", "Cambiare offerta",
            "Puoi passare a un'offerta diversa dall'area clienti > Le mie offerte. Il cambio è gratuito se "
            "passi a "
            "un'offerta di valore uguale o superiore e ha effetto dal ciclo di fatturazione "
            "successivo.\n\nPer le "
            "offerte mobili puoi aggiungere giga extra in qualsiasi momento con le opzioni ricaricabili." },
        { "en", "plan,upgrade", "Changing your plan",
            "You can switch plans from My Account > My plans. Moving to a plan of equal or higher value is "
            "free and "
            "applies from your next billing cycle.\n\nOn mobile you can add extra data at any time with a "
            "bolt-on." },
        { "it", "sim,portabilità,mobile", "Attivare la SIM e la portabilità del numero",
            "Inserisci la SIM nel telefono: si attiva entro 24 ore. Se hai chiesto di portare il tuo numero, "
            "il "
            "passaggio avviene entro 3 giorni lavorativi; per qualche ora potresti non ricevere chiamate.\n\n"
            "Tieni a portata di mano il codice di migrazione (ICCID) della vecchia SIM." },
        { "en", "sim,number,mobile", "Activating your SIM and keeping your number",
            "Pop the SIM in your phone: it activates within 24 hours. To keep your number, text PAC to 65075 "
            "on "
            "your old network and give us the code. The switch happens on the next working day; you may lose "
            "service for a few hours." },
        { "it", "wifi,lento,internet", "Wi-Fi lento: 5 controlli",
            "1. Fai un test di velocità collegato via cavo: se è buono, il problema è il Wi-Fi.\n2. Sposta "
            "il "
            "modem in alto e lontano da muri spessi e microonde.\n3. Usa la rete a 5 GHz se il dispositivo "
            "la "
            "supporta.\n4. Riavvia il modem.\n5. Valuta un ripetitore Wi-Fi mesh per le case su più piani." },
        { "en", "wifi,slow,broadband", "Slow Wi-Fi: five checks",
            "1. Run a speed test with a cable: if that's fine, the problem is the Wi-Fi.\n2. Put the router "
            "up "
            "high and away from thick walls and microwaves.\n3. Use the 5 GHz network if your device "
            "supports "
            "it.\n4. Restart the router.\n5. Consider mesh Wi-Fi discs for houses over several floors." },
        { "it", "rimborsi,nota di credito", "Rimborsi e note di credito",
            "Se ti abbiamo addebitato un importo non dovuto emettiamo una nota di credito: la trovi scalata "
            "nella "
            "bolletta successiva. Se il contratto è cessato, rimborsiamo con bonifico entro 30 giorni "
            "sull'IBAN che ci indichi." },
        { "en", "refund,credit", "Refunds and credit notes",
            "If we've charged you wrongly we issue a credit, which comes off your next bill. If your "
            "contract has "
            "ended, we refund by bank transfer within 30 days." },
        { "it", "pagamenti,scadenza,sospensione", "Pagare una bolletta scaduta",
            "Puoi pagare una bolletta scaduta con carta dall'app, con bonifico o presso gli sportelli "
            "abilitati. "
            "Dopo 15 giorni dalla scadenza inviamo un sollecito; la sospensione avviene solo dopo il "
            "preavviso "
            "scritto.\n\nSe hai già pagato, invia la ricevuta dall'area clienti: aggiorniamo la posizione "
            "entro "
            "48 ore." },
        { "en", "payment,overdue", "Paying an overdue bill",
            "You can pay an overdue bill by card in the app or by bank transfer. We send a reminder 15 days "
            "after "
            "the due date and never suspend a service without writing to you first.\n\nIf you've already "
            "paid, "
            "send us the receipt from My Account and we'll update your balance within 48 hours." },
        { "it", "reclamo,conciliazione", "Reclami e conciliazione",
            "Puoi presentare un reclamo da questo sito, in chat, al telefono o per iscritto. Rispondiamo "
            "entro 30 "
            "giorni. Se la risposta non ti soddisfa puoi chiedere la conciliazione gratuita al Corecom della "
            "tua "
            "regione tramite la piattaforma ConciliaWeb." },
        { "en", "complaint,ombudsman", "Making a complaint",
            "You can complain online, in chat, by phone or in writing. We aim to sort things out quickly and "
            "will "
            "give you a final answer within 8 weeks. If you're not happy with it, you can take your "
            "complaint to "
            "the Ombudsman free of charge." },
        { "it", "gas,contatore,lettura", "Comunicare la lettura del contatore",
            "Comunicare la lettura evita conguagli: la bolletta si basa sui consumi reali invece che su una "
            "stima. Puoi farlo dall'app tra il 25 e il 5 di ogni mese, fotografando il contatore o inserendo "
            "le "
            "cifre prima della virgola." },
        { "en", "energy,meter,reading", "Submitting a meter reading",
            "Sending us a reading means your bill uses real usage instead of an estimate. Do it in the app: "
            "take a "
            "photo of the meter or type in the numbers before the decimal point." },
        { "it", "bonus,agevolazioni", "Bonus sociale luce e gas",
            "Il bonus sociale è uno sconto in bolletta per le famiglie con ISEE basso. Viene applicato in "
            "automatico dopo la presentazione della DSU all'INPS: non devi fare richiesta a noi. Lo vedi in "
            "bolletta come voce separata." },
        { "en", "priority services,vulnerable", "Priority Services Register",
            "If you or someone you live with needs extra help — because of age, health, disability or a new "
            "baby "
            "— join our free Priority Services Register. We'll prioritise your repairs, send bills in large "
            "print "
            "or braille, and let a nominated person talk to us for you." },
        { "it", "privacy,consensi", "Privacy e consensi",
            "Dall'area clienti > Privacy puoi decidere in ogni momento se ricevere comunicazioni "
            "commerciali, se "
            "consentire la profilazione e se le chiamate possono essere registrate per la formazione degli "
            "operatori. Le modifiche hanno effetto entro 48 ore." },
        { "en", "privacy,marketing", "Your privacy and marketing preferences",
            "In My Account > Privacy you can choose at any time whether we send you offers, whether we "
            "personalise "
            "them, and whether calls may be recorded for training. Changes take effect within 48 hours." },
        { "it", "guasto,tempi,indennizzo", "Guasto sulla linea: tempi di intervento e indennizzi",
            "Ripariamo i guasti entro 2 giorni lavorativi dalla segnalazione. Se non rispettiamo i tempi hai "
            "diritto a un indennizzo automatico per ogni giorno di ritardo, accreditato nella bolletta "
            "successiva." },
        { "en", "fault,repair,compensation", "Line fault: repair times and compensation",
            "We fix faults within 2 working days of you reporting them. If we miss that, you're "
            "automatically "
            "compensated for every extra day, and the credit appears on your next bill." },
        { "it", "mobile,apn,internet", "Configurare internet sul cellulare (APN)",
            "Di solito la configurazione arriva in automatico. Se non navighi, vai in Impostazioni > Rete "
            "mobile > "
            "Nomi punti di accesso e crea un APN con nome \"Lumenet\" e APN \"web.lumenet.it\". Riavvia il "
            "telefono." },
        { "en", "mobile,apn,data", "Setting up mobile data (APN)",
            "Settings usually arrive automatically. If data doesn't work, go to Settings > Mobile network > "
            "Access "
            "point names, add an APN called \"Lumenet\" with APN \"web.lumenet.co.uk\", then restart your "
            "phone." },
        { "it", "roaming,estero", "Usare il telefono all'estero",
            "Nei paesi dell'Unione Europea chiami, invii SMS e navighi come in Italia, nei limiti della tua "
            "offerta. Fuori dall'UE si applicano le tariffe roaming: attiva un'opzione viaggio dall'app "
            "prima di "
            "partire." },
        { "en", "roaming,abroad", "Using your phone abroad",
            "In Europe you can use your plan's minutes, texts and data for a small daily charge. Elsewhere, "
            "roaming "
            "rates apply: add a travel bolt-on in the app before you go." },
        { "it", "area clienti,password,accesso", "Accedere all'area clienti e recuperare la password",
            "Accedi con l'email o il numero di cellulare. Se hai dimenticato la password, tocca \"Password "
            "dimenticata?\": ti inviamo un link valido 30 minuti. Per sicurezza, dopo 5 tentativi errati "
            "l'accesso "
            "è bloccato per 15 minuti." },
        { "en", "my account,password,sign in", "Signing in to My Account and resetting your password",
            "Sign in with your email or mobile number. If you've forgotten your password, tap \"Forgotten "
            "your "
            "password?\" and we'll send a link that works for 30 minutes. After 5 wrong attempts your "
            "account is "
            "locked for 15 minutes for your security." },
    };
    static const QList<Article> articles = [] {
        QList<Article> result;
        for (const Raw& raw : kRaw)
            result.append(Article { QString::fromUtf8(raw.title), QString::fromUtf8(raw.body),
                QString::fromLatin1(raw.language), QString::fromUtf8(raw.tags) });
        return result;
    }();
    return articles;
}
