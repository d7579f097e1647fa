<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>ActiveInteraction</name>
    <message>
        <source>Resolved</source>
        <translation>Risolto</translation>
    </message>
    <message>
        <source>Follow-up needed</source>
        <translation>Serve un seguito</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Inoltrato al livello superiore</translation>
    </message>
    <message>
        <source>Callback scheduled</source>
        <translation>Richiamata programmata</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Trasferito</translation>
    </message>
    <message>
        <source>Information sent</source>
        <translation>Informazioni inviate</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Vendita</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>Cliente trattenuto</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Disdetto</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Fatturazione</translation>
    </message>
    <message>
        <source>Technical fault</source>
        <translation>Guasto tecnico</translation>
    </message>
    <message>
        <source>Moving home</source>
        <translation>Trasloco</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>Disdetta</translation>
    </message>
    <message>
        <source>New contract</source>
        <translation>Nuovo contratto</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Consegna</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Reclamo</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Informazioni</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pagamento</translation>
    </message>
    <message>
        <source>Plan change</source>
        <translation>Cambio piano</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abbandonato</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Nessuna risposta</translation>
    </message>
    <message>
        <source>Notification sent</source>
        <translation>Notifica inviata</translation>
    </message>
    <message>
        <source>Answered by the community</source>
        <translation>Risposta dalla community</translation>
    </message>
    <message>
        <source>Self-served</source>
        <translation>Risolto in self-service</translation>
    </message>
    <message>
        <source>Transferred to an agent</source>
        <translation>Trasferito a un operatore</translation>
    </message>
</context>
<context>
    <name>AgentActions</name>
    <message>
        <source>Nobody is signed in on this desk yet: wait until sync has signed you in.</source>
        <translation>Nessuno ha ancora effettuato l&apos;accesso a questa postazione: attendi che la sincronizzazione ti faccia accedere.</translation>
    </message>
    <message>
        <source>Interaction %1 is not on this desk (it may have been erased).</source>
        <translation>L&apos;interazione %1 non è su questa postazione (potrebbe essere stata cancellata).</translation>
    </message>
    <message>
        <source>Interaction %1 is not yours to %2.</source>
        <translation>Non spetta a te %2 l&apos;interazione %1.</translation>
    </message>
    <message>
        <source>Busy is set by routing when work is connected; it cannot be chosen.</source>
        <translation>Occupato è impostato dall&apos;instradamento quando arriva un contatto; non si può scegliere.</translation>
    </message>
    <message>
        <source>The reason is longer than 200 characters.</source>
        <translation>Il motivo supera i 200 caratteri.</translation>
    </message>
    <message>
        <source>Finish the wrap-up of interaction %1 (disposition and contact reason) first.</source>
        <translation>Completa prima il post-chiamata dell&apos;interazione %1 (esito e motivo del contatto).</translation>
    </message>
    <message>
        <source>Interaction %1 is ringing for you: accept or decline it first.</source>
        <translation>L&apos;interazione %1 ti sta squillando: prima accettala o rifiutala.</translation>
    </message>
    <message>
        <source>Interaction %1 is in progress: end it first.</source>
        <translation>L&apos;interazione %1 è in corso: prima terminala.</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>accettare</translation>
    </message>
    <message>
        <source>Interaction %1 is no longer offered to you (%2).</source>
        <translation>L&apos;interazione %1 non ti è più offerta (%2).</translation>
    </message>
    <message>
        <source>decline</source>
        <translation>rifiutare</translation>
    </message>
    <message>
        <source>put on hold</source>
        <translation>mettere in attesa</translation>
    </message>
    <message>
        <source>Only an active interaction can be put on hold; %1 is %2.</source>
        <translation>Solo un&apos;interazione attiva può essere messa in attesa; %1 è %2.</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>riprendere</translation>
    </message>
    <message>
        <source>Interaction %1 is not on hold (%2).</source>
        <translation>L&apos;interazione %1 non è in attesa (%2).</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>trasferire</translation>
    </message>
    <message>
        <source>Only an interaction in progress can be transferred; %1 is %2.</source>
        <translation>Solo un&apos;interazione in corso può essere trasferita; %1 è %2.</translation>
    </message>
    <message>
        <source>There is no queue %1.</source>
        <translation>Non esiste la coda %1.</translation>
    </message>
    <message>
        <source>Interaction %1 is already yours.</source>
        <translation>L&apos;interazione %1 è già tua.</translation>
    </message>
    <message>
        <source>There is no agent %1.</source>
        <translation>Non esiste l&apos;operatore %1.</translation>
    </message>
    <message>
        <source>%1 is %2; transfer to a ready agent or to a queue.</source>
        <translation>%1 è %2; trasferisci a un operatore pronto o a una coda.</translation>
    </message>
    <message>
        <source>end</source>
        <translation>terminare</translation>
    </message>
    <message>
        <source>Only an interaction in progress can be ended; %1 is %2.</source>
        <translation>Solo un&apos;interazione in corso può essere terminata; %1 è %2.</translation>
    </message>
    <message>
        <source>set the disposition of</source>
        <translation>impostare l&apos;esito di</translation>
    </message>
    <message>
        <source>Both a disposition and a contact reason are needed.</source>
        <translation>Servono sia l&apos;esito sia il motivo del contatto.</translation>
    </message>
    <message>
        <source>The disposition takes up to 100 characters and the contact reason up to 200.</source>
        <translation>L&apos;esito ammette fino a 100 caratteri e il motivo del contatto fino a 200.</translation>
    </message>
    <message>
        <source>wrap up</source>
        <translation>concludere</translation>
    </message>
    <message>
        <source>Interaction %1 is %2: end it before wrapping up.</source>
        <translation>L&apos;interazione %1 è %2: terminala prima di concluderla.</translation>
    </message>
    <message>
        <source>Set the disposition and the contact reason of interaction %1 before finishing wrap-up.</source>
        <translation>Imposta l&apos;esito e il motivo del contatto dell&apos;interazione %1 prima di chiudere il post-chiamata.</translation>
    </message>
    <message>
        <source>reply to</source>
        <translation>rispondere a</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>La nota è vuota.</translation>
    </message>
    <message>
        <source>The reply is empty.</source>
        <translation>La risposta è vuota.</translation>
    </message>
    <message>
        <source>The text is longer than %1 characters.</source>
        <translation>Il testo supera i %1 caratteri.</translation>
    </message>
    <message>
        <source>Interaction %1 is a %2 contact: written replies are for chat, e-mail, SMS and social.</source>
        <translation>L&apos;interazione %1 è un contatto %2: le risposte scritte sono per chat, e-mail, SMS e social.</translation>
    </message>
    <message>
        <source>Interaction %1 is %2; accept it before replying.</source>
        <translation>L&apos;interazione %1 è %2; accettala prima di rispondere.</translation>
    </message>
    <message>
        <source>Customer %1 is not on this desk.</source>
        <translation>Il cliente %1 non è su questa postazione.</translation>
    </message>
    <message>
        <source>A ticket needs a subject.</source>
        <translation>Un ticket ha bisogno di un oggetto.</translation>
    </message>
    <message>
        <source>The subject takes up to 500 characters and the description up to 20,000.</source>
        <translation>L&apos;oggetto ammette fino a 500 caratteri e la descrizione fino a 20.000.</translation>
    </message>
    <message>
        <source>The priority must be one of %1.</source>
        <translation>La priorità deve essere una tra %1.</translation>
    </message>
    <message>
        <source>Interaction %1 belongs to another customer.</source>
        <translation>L&apos;interazione %1 appartiene a un altro cliente.</translation>
    </message>
    <message>
        <source>Ticket %1 is not on this desk.</source>
        <translation>Il ticket %1 non è su questa postazione.</translation>
    </message>
    <message>
        <source>Ticket %1 is assigned to someone else; only they or a supervisor may change it.</source>
        <translation>Il ticket %1 è assegnato a qualcun altro; solo lui o un supervisore può modificarlo.</translation>
    </message>
    <message>
        <source>You can assign a ticket only to yourself; supervisors assign to others.</source>
        <translation>Puoi assegnare un ticket solo a te stesso; gli altri li assegnano i supervisori.</translation>
    </message>
    <message>
        <source>The status must be one of %1.</source>
        <translation>Lo stato deve essere uno tra %1.</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>Niente da modificare.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid phone number (write it with its +country code).</source>
        <translation>&quot;%1&quot; non è un numero di telefono valido (scrivilo con il prefisso +internazionale).</translation>
    </message>
    <message>
        <source>A callback can be scheduled up to a year ahead.</source>
        <translation>Una richiamata si può programmare al massimo con un anno di anticipo.</translation>
    </message>
    <message>
        <source>The note takes up to 2,000 characters.</source>
        <translation>La nota ammette fino a 2.000 caratteri.</translation>
    </message>
    <message>
        <source>A customer cannot be merged into itself.</source>
        <translation>Un cliente non può essere unito a se stesso.</translation>
    </message>
    <message>
        <source>Customer %1 has an interaction in progress; merge them once it has ended.</source>
        <translation>Il cliente %1 ha un&apos;interazione in corso; uniscili quando sarà terminata.</translation>
    </message>
    <message>
        <source>This desk has no merge of customer %1 to undo.</source>
        <translation>Questa postazione non ha un&apos;unione del cliente %1 da annullare.</translation>
    </message>
    <message>
        <source>The merge of customer %1 is already being undone.</source>
        <translation>L&apos;unione del cliente %1 è già in fase di annullamento.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid %2.</source>
        <translation>&quot;%1&quot; non è un %2 valido.</translation>
    </message>
    <message>
        <source>A social identity needs its network.</source>
        <translation>Un&apos;identità social ha bisogno del suo social network.</translation>
    </message>
    <message>
        <source>The customer already has this %1.</source>
        <translation>Il cliente ha già questo %1.</translation>
    </message>
    <message>
        <source>This %1 belongs to customer %2; merge the two customers instead.</source>
        <translation>Questo %1 appartiene al cliente %2; unisci invece i due clienti.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a customer field a merge chooses.</source>
        <translation>&quot;%1&quot; non è un campo del cliente che si sceglie in un&apos;unione.</translation>
    </message>
    <message>
        <source>The choice for &quot;%1&quot; must be &quot;survivor&quot; or &quot;merged&quot;.</source>
        <translation>La scelta per &quot;%1&quot; deve essere &quot;survivor&quot; o &quot;merged&quot;.</translation>
    </message>
</context>
<context>
    <name>AgentBoardModel</name>
    <message>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>Non pronto</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupato</translation>
    </message>
    <message>
        <source>After-call work</source>
        <translation>Post-chiamata</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Disconnesso</translation>
    </message>
    <message>
        <source>Unknown customer</source>
        <translation>Cliente sconosciuto</translation>
    </message>
    <message>
        <source>Not ready for longer than %1 minutes</source>
        <translation>Non pronto da più di %1 minuti</translation>
    </message>
    <message>
        <source>In after-call work for longer than %1 minutes</source>
        <translation>In post-chiamata da più di %1 minuti</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Operatore</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Competenze</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>In state</source>
        <translation>Nello stato</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canale</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durata</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Gestiti</translation>
    </message>
    <message>
        <source>AHT</source>
        <translation>TMG</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>CSAT</translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation>Sede %1</translation>
    </message>
</context>
<context>
    <name>AgentBoardPanel</name>
    <message>
        <source>Past threshold only</source>
        <translation>Solo oltre la soglia</translation>
    </message>
    <message>
        <source>Select an agent to see their customer</source>
        <translation>Seleziona un operatore per vederne il cliente</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Qualsiasi stato</translation>
    </message>
    <message>
        <source>%1 of %2 agents</source>
        <translation>%1 di %2 operatori</translation>
    </message>
    <message>
        <source>Every site</source>
        <translation>Tutte le sedi</translation>
    </message>
    <message>
        <source>Every team</source>
        <translation>Tutti i team</translation>
    </message>
    <message>
        <source>Any skill</source>
        <translation>Qualsiasi competenza</translation>
    </message>
    <message>
        <source>%1 has no interaction in hand</source>
        <translation>%1 non ha interazioni in corso</translation>
    </message>
    <message>
        <source>%1 · %2 with %3</source>
        <translation>%1 · %2 con %3</translation>
    </message>
    <message>
        <source>an unknown customer</source>
        <translation>un cliente sconosciuto</translation>
    </message>
</context>
<context>
    <name>AgentPerformanceModel</name>
    <message>
        <source>Agent</source>
        <translation>Operatore</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Operatori</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Gestiti</translation>
    </message>
    <message>
        <source>AHT</source>
        <translation>TMG</translation>
    </message>
    <message>
        <source>FCR</source>
        <translation>FCR</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>CSAT</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>Sentiment</translation>
    </message>
</context>
<context>
    <name>AgentState</name>
    <message>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>Non pronto</translation>
    </message>
    <message>
        <source>After-call work</source>
        <translation>Post-chiamata</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Disconnesso</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupato</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Pranzo</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Formazione</translation>
    </message>
    <message>
        <source>Team meeting</source>
        <translation>Riunione di team</translation>
    </message>
    <message>
        <source>Coaching</source>
        <translation>Coaching</translation>
    </message>
    <message>
        <source>Back office</source>
        <translation>Back office</translation>
    </message>
    <message>
        <source>Technical issue</source>
        <translation>Problema tecnico</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Squilla</translation>
    </message>
</context>
<context>
    <name>AgentStateButton</name>
    <message>
        <source>My state</source>
        <translation>Il mio stato</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Accesso in corso…</translation>
    </message>
    <message>
        <source>Your state shows once this desk knows who you are.</source>
        <translation>Il tuo stato compare quando questa postazione sa chi sei.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 is %2. Change your state here (Ready: Ctrl+Shift+R, Not ready: Ctrl+Shift+N).</source>
        <translation>%1 è %2. Cambia qui il tuo stato (Pronto: Ctrl+Maiusc+R, Non pronto: Ctrl+Maiusc+N).</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <source>Show alerts</source>
        <translation>Mostra gli avvisi</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s): %1</source>
        <translation>
            <numerusform>%n avviso: %1</numerusform>
            <numerusform>%n avvisi: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertMonitor</name>
    <message>
        <source>Service level under target</source>
        <translation>Livello di servizio sotto l&apos;obiettivo</translation>
    </message>
    <message>
        <source>Longest wait too long</source>
        <translation>Attesa massima troppo lunga</translation>
    </message>
    <message>
        <source>Abandonment too high</source>
        <translation>Abbandoni troppo alti</translation>
    </message>
    <message>
        <source>Negative sentiment spike</source>
        <translation>Picco di sentiment negativo</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>altri %n</numerusform>
            <numerusform>altri %n</numerusform>
        </translation>
    </message>
    <message>
        <source>active</source>
        <translation>attivo</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>obiettivo %1</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Sollevato</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Rientrato</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Coda</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Avviso</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valore</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Soglia</translation>
    </message>
</context>
<context>
    <name>CallControls</name>
    <message>
        <source>Call controls</source>
        <translation>Controlli della chiamata</translation>
    </message>
    <message>
        <source>Time on the interaction</source>
        <translation>Durata dell&apos;interazione</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Rispondi</translation>
    </message>
    <message>
        <source>Answer or accept</source>
        <translation>Rispondi o accetta</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Attesa</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Trasferisci</translation>
    </message>
    <message>
        <source>Transfer the interaction</source>
        <translation>Trasferisci l&apos;interazione</translation>
    </message>
    <message>
        <source>Transfer to a queue or an agent</source>
        <translation>Trasferisci a una coda o a un operatore</translation>
    </message>
    <message>
        <source>End…</source>
        <translation>Termina…</translation>
    </message>
    <message>
        <source>End the interaction</source>
        <translation>Termina l&apos;interazione</translation>
    </message>
    <message>
        <source>End the interaction (asks to confirm)</source>
        <translation>Termina l&apos;interazione (chiede conferma)</translation>
    </message>
    <message>
        <source>End this interaction?</source>
        <translation>Terminare questa interazione?</translation>
    </message>
    <message>
        <source>Yes, end it</source>
        <translation>Sì, termina</translation>
    </message>
    <message>
        <source>Confirm ending the interaction</source>
        <translation>Conferma la chiusura dell&apos;interazione</translation>
    </message>
    <message>
        <source>Keep it going</source>
        <translation>Continua</translation>
    </message>
    <message>
        <source>Keep the interaction going</source>
        <translation>Prosegui l&apos;interazione</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accetta</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Riprendi</translation>
    </message>
    <message>
        <source>Resume the call</source>
        <translation>Riprendi la chiamata</translation>
    </message>
    <message>
        <source>Put the call on hold</source>
        <translation>Metti la chiamata in attesa</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Squilla</translation>
    </message>
    <message>
        <source>%1 (on hold)</source>
        <translation>%1 (in attesa)</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <source>Schedule Callback</source>
        <translation>Programma richiamata</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Numero di telefono</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefono</translation>
    </message>
    <message>
        <source>Call back at</source>
        <translation>Richiama alle</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Quando</translation>
    </message>
    <message>
        <source>Note for the callback</source>
        <translation>Nota per la richiamata</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programma</translation>
    </message>
</context>
<context>
    <name>CannedResponseModel</name>
    <message>
        <source>Greeting</source>
        <translation>Saluto</translation>
    </message>
    <message>
        <source>Checking, one moment</source>
        <translation>Verifica, un momento</translation>
    </message>
    <message>
        <source>Ticket opened</source>
        <translation>Ticket aperto</translation>
    </message>
    <message>
        <source>We will call back</source>
        <translation>La richiameremo</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Saluto finale</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Social</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Richiamata</translation>
    </message>
    <message>
        <source>Self-service</source>
        <translation>Self-service</translation>
    </message>
    <message>
        <source>Forum</source>
        <translation>Forum</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>unisono: %1
Try &apos;unisono --help&apos; for more information.</source>
        <translation>unisono: %1
Prova &apos;unisono --help&apos; per maggiori informazioni.</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 o %2</translation>
    </message>
    <message>
        <source>Unisono, the contact-centre agent desktop.</source>
        <translation>Unisono, la postazione dell&apos;operatore di contact center.</translation>
    </message>
    <message>
        <source>The local database file (default: %1).</source>
        <translation>Il file del database locale (predefinito: %1).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>percorso</translation>
    </message>
    <message>
        <source>How much demo data to write when the database has no customers yet: %1 (default: %2).</source>
        <translation>Quanti dati dimostrativi scrivere quando il database non ha ancora clienti: %1 (predefinito: %2).</translation>
    </message>
    <message>
        <source>size</source>
        <translation>dimensione</translation>
    </message>
    <message>
        <source>Seed of the demo data; the same seed gives the same data (default: %1).</source>
        <translation>Seme dei dati dimostrativi; lo stesso seme dà gli stessi dati (predefinito: %1).</translation>
    </message>
    <message>
        <source>number</source>
        <translation>numero</translation>
    </message>
    <message>
        <source>Country whose numbering plan applies to phone numbers written without a country code, as an ISO 3166 code (default: %1).</source>
        <translation>Paese il cui piano di numerazione vale per i numeri di telefono scritti senza prefisso internazionale, come codice ISO 3166 (predefinito: %1).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>codice</translation>
    </message>
    <message>
        <source>Save a PNG of the main window once it has loaded, then exit.</source>
        <translation>Salva un PNG della finestra principale una volta caricata, poi esce.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Sync with the backend at this address (http or https) instead of starting a local demo hub.</source>
        <translation>Sincronizza con il backend a questo indirizzo (http o https) invece di avviare un hub dimostrativo locale.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Sign in to the backend as this user (default: %1, an agent of the demo hub).</source>
        <translation>Accedi al backend con questo utente (predefinito: %1, un operatore dell&apos;hub dimostrativo).</translation>
    </message>
    <message>
        <source>login</source>
        <translation>utente</translation>
    </message>
    <message>
        <source>Password for --user (default: the demo hub&apos;s, which is the login, e.g. --user supervisor). Other users of this computer can read a command line: use it for the demo only.</source>
        <translation>Password per --user (predefinita: quella dell&apos;hub dimostrativo, uguale al nome utente, ad es. --user supervisor). Gli altri utenti di questo computer possono leggere una riga di comando: usala solo per la demo.</translation>
    </message>
    <message>
        <source>password</source>
        <translation>password</translation>
    </message>
    <message>
        <source>Start no hub and sync with none: work from the local database only (filled with demo data when it is new). Screenshots work this way unless --hub is given.</source>
        <translation>Non avvia alcun hub e non sincronizza: lavora solo sul database locale (riempito con dati dimostrativi se è nuovo). Gli screenshot funzionano così, a meno che non si indichi --hub.</translation>
    </message>
    <message>
        <source>Use this language for this run only: en or it (default: the one chosen in Preferences).</source>
        <translation>Usa questa lingua solo per questa esecuzione: en o it (predefinita: quella scelta nelle Preferenze).</translation>
    </message>
    <message>
        <source>Use these colours for this run only: light, dark or system (default: the ones chosen in Preferences).</source>
        <translation>Usa questi colori solo per questa esecuzione: light, dark o system (predefiniti: quelli scelti nelle Preferenze).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nome</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;.</source>
        <translation>argomento inatteso &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>unknown demo size &apos;%1&apos;; choose %2.</source>
        <translation>dimensione demo &apos;%1&apos; sconosciuta; scegli %2.</translation>
    </message>
    <message>
        <source>the seed must be a whole number from 0 up, not &apos;%1&apos;.</source>
        <translation>il seme deve essere un numero intero da 0 in su, non &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a phone region libphonenumber knows; pass a two-letter country code such as IT, GB or US.</source>
        <translation>&apos;%1&apos; non è una regione telefonica nota a libphonenumber; indica un codice paese di due lettere come IT, GB o US.</translation>
    </message>
    <message>
        <source>--screenshot needs the path of the PNG file to write.</source>
        <translation>--screenshot richiede il percorso del file PNG da scrivere.</translation>
    </message>
    <message>
        <source>unknown language &apos;%1&apos;; choose en or it.</source>
        <translation>lingua &apos;%1&apos; sconosciuta; scegli en o it.</translation>
    </message>
    <message>
        <source>unknown colours &apos;%1&apos;; choose light, dark or system.</source>
        <translation>colori &apos;%1&apos; sconosciuti; scegli light, dark o system.</translation>
    </message>
    <message>
        <source>--hub and --offline exclude each other: choose one.</source>
        <translation>--hub e --offline si escludono a vicenda: scegline uno.</translation>
    </message>
    <message>
        <source>--hub needs the backend&apos;s address, such as https://hub.example.com:8443, not &apos;%1&apos;.</source>
        <translation>--hub richiede l&apos;indirizzo del backend, come https://hub.example.com:8443, non &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--user needs a login.</source>
        <translation>--user richiede un nome utente.</translation>
    </message>
    <message>
        <source>--password needs a password.</source>
        <translation>--password richiede una password.</translation>
    </message>
    <message>
        <source>--db needs the path of a database file.</source>
        <translation>--db richiede il percorso di un file di database.</translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>Platinum</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Social</translation>
    </message>
    <message>
        <source>CRM id</source>
        <translation>ID CRM</translation>
    </message>
    <message>
        <source>Chat id</source>
        <translation>ID chat</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sì</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>%1 Call recording     %2 Marketing     %3 Profiling</source>
        <translation>%1 Registrazione chiamate     %2 Marketing     %3 Profilazione</translation>
    </message>
    <message>
        <source>Select a customer to see their profile.</source>
        <translation>Seleziona un cliente per vederne il profilo.</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>VIP customer: follow the VIP handling guidelines</source>
        <translation>Cliente VIP: segui le linee guida per i VIP</translation>
    </message>
    <message>
        <source>What the customer has consented to</source>
        <translation>A cosa ha dato il consenso il cliente</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profilo</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Valore nel tempo</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Cliente dal</translation>
    </message>
    <message>
        <source>Reachable at</source>
        <translation>Raggiungibile a</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>No phone, email or handle on record</source>
        <translation>Nessun telefono, e-mail o account registrato</translation>
    </message>
    <message>
        <source>As recorded: %1</source>
        <translation>Come registrato: %1</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verificato</translation>
    </message>
    <message>
        <source>No CRM fields</source>
        <translation>Nessun campo CRM</translation>
    </message>
</context>
<context>
    <name>CustomerContextPanel</name>
    <message>
        <source>No customer on screen. Pick one from the search, or take a contact.</source>
        <translation>Nessun cliente sullo schermo. Scegline uno dalla ricerca o prendi un contatto.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Storico</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Social</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>Knowledge base</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canale</translation>
    </message>
    <message>
        <source>Show one channel only</source>
        <translation>Mostra un solo canale</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Tutti i canali</translation>
    </message>
    <message>
        <source>Search this customer&apos;s history</source>
        <translation>Cerca nello storico del cliente</translation>
    </message>
    <message>
        <source>Search this history…</source>
        <translation>Cerca nello storico…</translation>
    </message>
    <message>
        <source>Interaction history</source>
        <translation>Storico delle interazioni</translation>
    </message>
    <message>
        <source>Ask the server for older history</source>
        <translation>Chiedi al server lo storico meno recente</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>Ticket aperti</translation>
    </message>
    <message>
        <source>No open tickets.</source>
        <translation>Nessun ticket aperto.</translation>
    </message>
    <message>
        <source>Mood, last 12 months</source>
        <translation>Umore, ultimi 12 mesi</translation>
    </message>
    <message>
        <source>Sentiment trend</source>
        <translation>Andamento del sentiment</translation>
    </message>
    <message>
        <source>Social activity</source>
        <translation>Attività social</translation>
    </message>
    <message>
        <source>No social activity on record for this customer.</source>
        <translation>Nessuna attività social registrata per questo cliente.</translation>
    </message>
    <message>
        <source>Suggested articles</source>
        <translation>Articoli suggeriti</translation>
    </message>
    <message>
        <source>No article matches this conversation.</source>
        <translation>Nessun articolo corrisponde a questa conversazione.</translation>
    </message>
    <message>
        <source>Enter or double-click opens the article beside this panel</source>
        <translation>Invio o doppio clic apre l&apos;articolo accanto a questo pannello</translation>
    </message>
    <message>
        <source>Suggested for the latest contact: %1</source>
        <translation>Suggeriti per l&apos;ultimo contatto: %1</translation>
    </message>
    <message>
        <source>Suggested for this conversation</source>
        <translation>Suggeriti per questa conversazione</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>%1 mostrati</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 di %2 mostrati</translation>
    </message>
    <message>
        <source>%1 · scroll for more</source>
        <translation>%1 · scorri per altri</translation>
    </message>
    <message>
        <source>%1 · scroll down for older history from the server</source>
        <translation>%1 · scorri in basso per lo storico meno recente dal server</translation>
    </message>
    <message>
        <source>%1 · fetching older history from the server…</source>
        <translation>%1 · recupero dello storico meno recente dal server…</translation>
    </message>
    <message>
        <source>%1 · could not fetch older history: %2</source>
        <translation>%1 · impossibile recuperare lo storico meno recente: %2</translation>
    </message>
    <message>
        <source>%1 · the whole history</source>
        <translation>%1 · tutto lo storico</translation>
    </message>
    <message>
        <source>%1 · the start of the history on this desk</source>
        <translation>%1 · l&apos;inizio dello storico su questa postazione</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Riprova</translation>
    </message>
    <message>
        <source>Fetch older</source>
        <translation>Recupera i precedenti</translation>
    </message>
    <message>
        <source>Social (%1+)</source>
        <translation>Social (%1+)</translation>
    </message>
    <message>
        <source>Mentioned in conversations; no post of their own on record</source>
        <translation>Citato nelle conversazioni; nessun suo post registrato</translation>
    </message>
    <message>
        <source>No social activity on record</source>
        <translation>Nessuna attività social registrata</translation>
    </message>
    <message>
        <source>@%1 on %2 · %3 followers · influence %4</source>
        <translation>@%1 su %2 · %3 follower · influenza %4</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>In the latest %1: </source>
        <translation>Negli ultimi %1: </translation>
    </message>
    <message>
        <source>improving ↗</source>
        <translation>in miglioramento ↗</translation>
    </message>
    <message>
        <source>steady →</source>
        <translation>stabile →</translation>
    </message>
    <message>
        <source>worsening ↘</source>
        <translation>in peggioramento ↘</translation>
    </message>
    <message>
        <source>too little to tell</source>
        <translation>troppo poco per dirlo</translation>
    </message>
    <message>
        <source>Last contact %1 (%2, unhappy)</source>
        <translation>Ultimo contatto %1 (%2, insoddisfatto)</translation>
    </message>
    <message>
        <source>Last contact %1 (%2)</source>
        <translation>Ultimo contatto %1 (%2)</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>Primo contatto</translation>
    </message>
    <message>
        <source>Open tickets: %1, %2 urgent or overdue</source>
        <translation>Ticket aperti: %1, %2 urgenti o scaduti</translation>
    </message>
    <message>
        <source>Open tickets: %1</source>
        <translation>Ticket aperti: %1</translation>
    </message>
    <message>
        <source>%1 followers on %2</source>
        <translation>%1 follower su %2</translation>
    </message>
    <message>
        <source>mood worsening online</source>
        <translation>umore in peggioramento online</translation>
    </message>
    <message>
        <source>No interaction matches.</source>
        <translation>Nessuna interazione corrisponde.</translation>
    </message>
    <message>
        <source>No interactions on record yet.</source>
        <translation>Ancora nessuna interazione registrata.</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplicati</translation>
    </message>
    <message>
        <source>Undo Merge</source>
        <translation>Annulla unione</translation>
    </message>
    <message>
        <source>Put both customers back as they were before the merge</source>
        <translation>Riporta entrambi i clienti com&apos;erano prima dell&apos;unione</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Possibili duplicati</translation>
    </message>
    <message>
        <source>Customers who may be this one, most likely first.</source>
        <translation>Clienti che potrebbero essere questo, dai più probabili.</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Unisci…</translation>
    </message>
    <message>
        <source>Merge the selected customer with this one, choosing what to keep</source>
        <translation>Unisci il cliente selezionato a questo, scegliendo cosa tenere</translation>
    </message>
    <message>
        <source>No likely duplicate of this customer.</source>
        <translation>Nessun probabile duplicato di questo cliente.</translation>
    </message>
    <message>
        <source>%1 (#%2) was merged into this customer by you at %3.</source>
        <translation>Alle %3 hai unito %1 (#%2) a questo cliente.</translation>
    </message>
</context>
<context>
    <name>CustomerDrillDown</name>
    <message>
        <source>The customer could not be read: %1</source>
        <translation>Impossibile leggere il cliente: %1</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>Platinum</translation>
    </message>
    <message>
        <source>%1 — VIP customer</source>
        <translation>%1 — cliente VIP</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Azienda</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Livello</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Città</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italiano</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglese</translation>
    </message>
</context>
<context>
    <name>CustomerMatchModel</name>
    <message>
        <source>Phone %1 has the same last %2 digits</source>
        <translation>Il telefono %1 ha le stesse ultime %2 cifre</translation>
    </message>
    <message>
        <source>Email %1: same name before the @</source>
        <translation>E-mail %1: stesso nome prima della @</translation>
    </message>
    <message>
        <source>Same handle @%1 on %2</source>
        <translation>Stesso account @%1 su %2</translation>
    </message>
    <message>
        <source>Similar name</source>
        <translation>Nome simile</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
</context>
<context>
    <name>CustomerSessionPage</name>
    <message>
        <source>Customer no longer exists</source>
        <translation>Il cliente non esiste più</translation>
    </message>
    <message>
        <source>Unknown: %1</source>
        <translation>Sconosciuto: %1</translation>
    </message>
</context>
<context>
    <name>CustomerTimelineModel</name>
    <message>
        <source>Today %1</source>
        <translation>Oggi %1</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>Ieri %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1, inbound</source>
        <translation>%1, in entrata</translation>
    </message>
    <message>
        <source>%1, outbound</source>
        <translation>%1, in uscita</translation>
    </message>
    <message>
        <source>inbound</source>
        <translation>in entrata</translation>
    </message>
    <message>
        <source>outbound</source>
        <translation>in uscita</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <source>Queue: %1</source>
        <translation>Coda: %1</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativo</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positivo</translation>
    </message>
</context>
<context>
    <name>DeskSession</name>
    <message>
        <source>Still trying: %1</source>
        <translation>Ancora in corso: %1</translation>
    </message>
</context>
<context>
    <name>DuplicateCandidateModel</name>
    <message>
        <source>%1 (#%2)</source>
        <translation>%1 (#%2)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Likelihood</source>
        <translation>Probabilità</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Perché</translation>
    </message>
</context>
<context>
    <name>DuplicateScorer</name>
    <message>
        <source>nickname %1 → %2</source>
        <translation>diminutivo %1 → %2</translation>
    </message>
    <message>
        <source>%1 ≈ %2, a typo</source>
        <translation>%1 ≈ %2, un refuso</translation>
    </message>
    <message>
        <source>first and last name swapped</source>
        <translation>nome e cognome invertiti</translation>
    </message>
    <message>
        <source>%1 / %2, accents and capitals ignored</source>
        <translation>%1 / %2, ignorando accenti e maiuscole</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>stesso nome</translation>
    </message>
    <message>
        <source>names match (%1)</source>
        <translation>i nomi corrispondono (%1)</translation>
    </message>
    <message>
        <source>same surname and initial, first names differ</source>
        <translation>stessi cognome e iniziale, nomi diversi</translation>
    </message>
    <message>
        <source>same surname only</source>
        <translation>solo lo stesso cognome</translation>
    </message>
    <message>
        <source>same phone %1</source>
        <translation>stesso telefono %1</translation>
    </message>
    <message>
        <source>same mailbox %1</source>
        <translation>stessa casella e-mail %1</translation>
    </message>
    <message>
        <source>same handle @%1</source>
        <translation>stesso account @%1</translation>
    </message>
    <message>
        <source>same address %1</source>
        <translation>stesso indirizzo %1</translation>
    </message>
    <message>
        <source>same company %1</source>
        <translation>stessa azienda %1</translation>
    </message>
    <message>
        <source>names differ: score halved</source>
        <translation>nomi diversi: punteggio dimezzato</translation>
    </message>
</context>
<context>
    <name>InteractionPanel</name>
    <message>
        <source>ringing</source>
        <translation>squilla</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in corso</translation>
    </message>
    <message>
        <source>on hold</source>
        <translation>in attesa</translation>
    </message>
    <message>
        <source>wrap-up</source>
        <translation>post-chiamata</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>terminata</translation>
    </message>
    <message>
        <source>waiting in a queue</source>
        <translation>in coda</translation>
    </message>
    <message>
        <source>Ticket…</source>
        <translation>Ticket…</translation>
    </message>
    <message>
        <source>Create a ticket</source>
        <translation>Crea un ticket</translation>
    </message>
    <message>
        <source>Callback…</source>
        <translation>Richiamata…</translation>
    </message>
    <message>
        <source>Schedule a callback</source>
        <translation>Programma una richiamata</translation>
    </message>
    <message>
        <source>No contact in progress with this customer. Their history and profile are on the right; a ticket or a callback can still be made from here.</source>
        <translation>Nessun contatto in corso con questo cliente. Storico e profilo sono a destra; da qui si può comunque aprire un ticket o programmare una richiamata.</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Messa in attesa</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Ripresa</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Chiusura</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Trascrizione</translation>
    </message>
    <message>
        <source>No contact in progress</source>
        <translation>Nessun contatto in corso</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Interaction %1 · %2</source>
        <translation>Interazione %1 · %2</translation>
    </message>
    <message>
        <source>%1 was refused.</source>
        <translation>%1: richiesta rifiutata.</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Risposta alla chiamata</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Trasferimento</translation>
    </message>
    <message>
        <source>To a queue</source>
        <translation>A una coda</translation>
    </message>
    <message>
        <source>To a ready agent</source>
        <translation>A un operatore pronto</translation>
    </message>
    <message>
        <source>No other agent is ready</source>
        <translation>Nessun altro operatore è pronto</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Risposta</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Post-chiamata</translation>
    </message>
</context>
<context>
    <name>KeyboardShortcuts</name>
    <message>
        <source>Desk</source>
        <translation>Postazione</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sessione</translation>
    </message>
    <message>
        <source>Find a customer</source>
        <translation>Trova un cliente</translation>
    </message>
    <message>
        <source>Accept (answer) the ringing offer</source>
        <translation>Accetta (rispondi) l&apos;offerta che squilla</translation>
    </message>
    <message>
        <source>Decline the ringing offer</source>
        <translation>Rifiuta l&apos;offerta che squilla</translation>
    </message>
    <message>
        <source>Go ready</source>
        <translation>Passa a Pronto</translation>
    </message>
    <message>
        <source>Change state</source>
        <translation>Cambia stato</translation>
    </message>
    <message>
        <source>Changes the server refused</source>
        <translation>Modifiche rifiutate dal server</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>Il mio lavoro</translation>
    </message>
    <message>
        <source>Close the session tab</source>
        <translation>Chiudi la scheda della sessione</translation>
    </message>
    <message>
        <source>Next session</source>
        <translation>Sessione successiva</translation>
    </message>
    <message>
        <source>Previous session</source>
        <translation>Sessione precedente</translation>
    </message>
    <message>
        <source>Hold or resume the call</source>
        <translation>Metti in attesa o riprendi la chiamata</translation>
    </message>
    <message>
        <source>Transfer to a queue or an agent</source>
        <translation>Trasferisci a una coda o a un operatore</translation>
    </message>
    <message>
        <source>End the interaction (asks to confirm)</source>
        <translation>Termina l&apos;interazione (chiede conferma)</translation>
    </message>
    <message>
        <source>Write a reply</source>
        <translation>Scrivi una risposta</translation>
    </message>
    <message>
        <source>Send the reply</source>
        <translation>Invia la risposta</translation>
    </message>
    <message>
        <source>Insert a canned response</source>
        <translation>Inserisci una risposta predefinita</translation>
    </message>
    <message>
        <source>Write a note</source>
        <translation>Scrivi una nota</translation>
    </message>
    <message>
        <source>Choose the disposition and contact reason</source>
        <translation>Scegli l&apos;esito e il motivo del contatto</translation>
    </message>
    <message>
        <source>Finish wrap-up</source>
        <translation>Chiudi il post-chiamata</translation>
    </message>
    <message>
        <source>Create a ticket</source>
        <translation>Crea un ticket</translation>
    </message>
    <message>
        <source>Schedule a callback</source>
        <translation>Programma una richiamata</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>KnowledgeArticleView</name>
    <message>
        <source>Close the article (Esc)</source>
        <translation>Chiudi l&apos;articolo (Esc)</translation>
    </message>
    <message>
        <source>Close article</source>
        <translation>Chiudi l&apos;articolo</translation>
    </message>
    <message>
        <source>Article text</source>
        <translation>Testo dell&apos;articolo</translation>
    </message>
    <message>
        <source>&amp;Insert into reply</source>
        <translation>&amp;Inserisci nella risposta</translation>
    </message>
    <message>
        <source>Adds the selected passage, or the whole article, to the reply you are writing</source>
        <translation>Aggiunge il passaggio selezionato, o l&apos;intero articolo, alla risposta che stai scrivendo</translation>
    </message>
    <message>
        <source>&amp;Insert selection into reply</source>
        <translation>&amp;Inserisci la selezione nella risposta</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>Unisono</source>
        <translation>Unisono</translation>
    </message>
    <message>
        <source>Could not fill %1 with demo data: %2</source>
        <translation>Impossibile riempire %1 con i dati dimostrativi: %2</translation>
    </message>
    <message>
        <source>Preparing demo data: %1 customers and %2 interactions…</source>
        <translation>Preparazione dei dati dimostrativi: %1 clienti e %2 interazioni…</translation>
    </message>
    <message>
        <source>unisono: could not write the screenshot to %1; check the folder exists and is writable.
</source>
        <translation>unisono: impossibile scrivere lo screenshot in %1; controlla che la cartella esista e sia scrivibile.
</translation>
    </message>
    <message>
        <source>unisono: %1
</source>
        <translation>unisono: %1
</translation>
    </message>
    <message>
        <source>Unisono cannot start</source>
        <translation>Unisono non può avviarsi</translation>
    </message>
</context>
<context>
    <name>LocalHub</name>
    <message>
        <source>The local hub stopped unexpectedly.</source>
        <translation>L&apos;hub locale si è fermato inaspettatamente.</translation>
    </message>
    <message>
        <source>The local hub ended with exit code %1.</source>
        <translation>L&apos;hub locale è terminato con il codice %1.</translation>
    </message>
    <message>
        <source>The local hub %1 could not be started: %2</source>
        <translation>Impossibile avviare l&apos;hub locale %1: %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Unisono</source>
        <translation>Unisono</translation>
    </message>
    <message>
        <source>Local database</source>
        <translation>Database locale</translation>
    </message>
    <message>
        <source>This contact is not linked to a customer yet.</source>
        <translation>Questo contatto non è ancora collegato a un cliente.</translation>
    </message>
    <message>
        <source>Customers found</source>
        <translation>Clienti trovati</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Postazione</translation>
    </message>
    <message>
        <source>Find Customer</source>
        <translation>Trova cliente</translation>
    </message>
    <message>
        <source>Accept Offer</source>
        <translation>Accetta offerta</translation>
    </message>
    <message>
        <source>Decline Offer</source>
        <translation>Rifiuta offerta</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>Change State</source>
        <translation>Cambia stato</translation>
    </message>
    <message>
        <source>Refused Changes</source>
        <translation>Modifiche rifiutate</translation>
    </message>
    <message>
        <source>My Work</source>
        <translation>Il mio lavoro</translation>
    </message>
    <message>
        <source>Close Session</source>
        <translation>Chiudi sessione</translation>
    </message>
    <message>
        <source>Next Session</source>
        <translation>Sessione successiva</translation>
    </message>
    <message>
        <source>Previous Session</source>
        <translation>Sessione precedente</translation>
    </message>
    <message>
        <source>Search field</source>
        <translation>Campo di ricerca</translation>
    </message>
    <message>
        <source>Open the best match, or the customer picked</source>
        <translation>Apri il risultato migliore, o il cliente scelto</translation>
    </message>
    <message>
        <source>Move into the customers found</source>
        <translation>Passa ai clienti trovati</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Cancella la ricerca</translation>
    </message>
    <message>
        <source>Customer context</source>
        <translation>Contesto del cliente</translation>
    </message>
    <message>
        <source>Close the knowledge article</source>
        <translation>Chiudi l&apos;articolo della knowledge base</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Impostazioni</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferenze…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>Preferences are not kept in this run (a screenshot or a test).</source>
        <translation>Le preferenze non vengono salvate in questa esecuzione (uno screenshot o un test).</translation>
    </message>
    <message>
        <source>The new language is used from the next start of Unisono.</source>
        <translation>La nuova lingua si usa dal prossimo avvio di Unisono.</translation>
    </message>
    <message>
        <source>Customer %1 is not on this desk.</source>
        <translation>Il cliente %1 non è su questa postazione.</translation>
    </message>
    <message>
        <source>The caller is not a known customer yet.</source>
        <translation>Chi chiama non è ancora un cliente noto.</translation>
    </message>
    <message>
        <source>The server refused a change: %1 (Ctrl+Shift+E to send it again or discard it)</source>
        <translation>Il server ha rifiutato una modifica: %1 (Ctrl+Maiusc+E per inviarla di nuovo o scartarla)</translation>
    </message>
    <message>
        <source>%1 customers</source>
        <translation>%1 clienti</translation>
    </message>
    <message>
        <source>No customer matches this search (of %1)</source>
        <translation>Nessun cliente corrisponde a questa ricerca (su %1)</translation>
    </message>
    <message>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message>
        <source>%1 matching of %2 customers</source>
        <translation>%1 corrispondenti su %2 clienti</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge Customers</source>
        <translation>Unisci clienti</translation>
    </message>
    <message>
        <source>Which record stays? Everything of the other one moves to it.</source>
        <translation>Quale scheda resta? Tutto ciò che appartiene all&apos;altra passa a questa.</translation>
    </message>
    <message>
        <source>%1 (#%2)</source>
        <translation>%1 (#%2)</translation>
    </message>
    <message>
        <source>Tick the value to keep where the two records differ.</source>
        <translation>Dove le due schede differiscono, spunta il valore da tenere.</translation>
    </message>
    <message>
        <source>Fields of the two records</source>
        <translation>Campi delle due schede</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Unisci</translation>
    </message>
    <message>
        <source>One of the two customers is no longer on this desk.</source>
        <translation>Uno dei due clienti non è più su questa postazione.</translation>
    </message>
    <message numerus="yes">
        <source>%n identity(ies)</source>
        <translation>
            <numerusform>%n identità</numerusform>
            <numerusform>%n identità</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n interazione</numerusform>
            <numerusform>%n interazioni</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n ticket</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n social post(s)</source>
        <translation>
            <numerusform>%n post social</numerusform>
            <numerusform>%n post social</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n callback(s)</source>
        <translation>
            <numerusform>%n richiamata</numerusform>
            <numerusform>%n richiamate</numerusform>
        </translation>
    </message>
    <message>
        <source>Moving from %1 to %2: %3. The merge can be undone later.</source>
        <translation>Passano da %1 a %2: %3. L&apos;unione si potrà annullare in seguito.</translation>
    </message>
</context>
<context>
    <name>MergeFieldModel</name>
    <message>
        <source>First name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Cognome</translation>
    </message>
    <message>
        <source>Name shown</source>
        <translation>Nome visualizzato</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Azienda</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Livello</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Valore nel tempo</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Città</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Paese</translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation>Consenso al marketing</translation>
    </message>
    <message>
        <source>Recording consent</source>
        <translation>Consenso alla registrazione</translation>
    </message>
    <message>
        <source>Profiling consent</source>
        <translation>Consenso alla profilazione</translation>
    </message>
    <message>
        <source>CRM fields</source>
        <translation>Campi CRM</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vuoto)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sì</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Both records agree</source>
        <translation>Le due schede coincidono</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>%1 (#%2, stays)</source>
        <translation>%1 (#%2, resta)</translation>
    </message>
    <message>
        <source>%1 (#%2, merged in)</source>
        <translation>%1 (#%2, viene unito)</translation>
    </message>
</context>
<context>
    <name>MyWorkModel</name>
    <message>
        <source>In progress</source>
        <translation>In corso</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>In attesa</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Post-chiamata</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuovo</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aperto</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>In sospeso</translation>
    </message>
    <message>
        <source>Unknown customer</source>
        <translation>Cliente sconosciuto</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n unread)</source>
        <translation>
            <numerusform>%1 (%n non letto)</numerusform>
            <numerusform>%1 (%n non letti)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s left</source>
        <translation>
            <numerusform>%n s rimasto</numerusform>
            <numerusform>%n s rimasti</numerusform>
        </translation>
    </message>
    <message>
        <source>#%1 · %2 · %3</source>
        <translation>#%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Overdue since %1 · %2</source>
        <translation>Scaduta da %1 · %2</translation>
    </message>
    <message>
        <source>Due %1 · %2</source>
        <translation>Entro %1 · %2</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>urgente</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alta</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normale</translation>
    </message>
    <message>
        <source>low</source>
        <translation>bassa</translation>
    </message>
</context>
<context>
    <name>MyWorkPanel</name>
    <message>
        <source>My work</source>
        <translation>Il mio lavoro</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Offerte</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In corso</translation>
    </message>
    <message>
        <source>My tickets</source>
        <translation>I miei ticket</translation>
    </message>
    <message>
        <source>Callbacks due</source>
        <translation>Richiamate in scadenza</translation>
    </message>
</context>
<context>
    <name>NewCustomerCard</name>
    <message>
        <source>Closest existing customers</source>
        <translation>Clienti esistenti più vicini</translation>
    </message>
    <message>
        <source>No existing customer looks like this one.</source>
        <translation>Nessun cliente esistente somiglia a questo.</translation>
    </message>
    <message>
        <source>Double-click or press Enter to link to that customer</source>
        <translation>Doppio clic o Invio per collegare a quel cliente</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Chiamante sconosciuto</translation>
    </message>
    <message>
        <source>New email sender</source>
        <translation>Nuovo mittente e-mail</translation>
    </message>
    <message>
        <source>New social handle</source>
        <translation>Nuovo account social</translation>
    </message>
    <message>
        <source>@%1 on %2</source>
        <translation>@%1 su %2</translation>
    </message>
    <message>
        <source>Unknown contact</source>
        <translation>Contatto sconosciuto</translation>
    </message>
    <message>
        <source>Introduced as: %1</source>
        <translation>Si è presentato come: %1</translation>
    </message>
    <message>
        <source>This is not a valid %1, so it cannot be linked.</source>
        <translation>Questo non è un %1 valido, quindi non si può collegare.</translation>
    </message>
    <message>
        <source>Not linked to any customer yet.</source>
        <translation>Non ancora collegato a nessun cliente.</translation>
    </message>
    <message>
        <source>&amp;Link to %1</source>
        <translation>&amp;Collega a %1</translation>
    </message>
    <message>
        <source>&amp;Link to the selected customer</source>
        <translation>&amp;Collega al cliente selezionato</translation>
    </message>
</context>
<context>
    <name>OfferCard</name>
    <message>
        <source>Accept</source>
        <translation>Accetta</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Rifiuta</translation>
    </message>
    <message>
        <source>Accept the offer from %1</source>
        <translation>Accetta l&apos;offerta da %1</translation>
    </message>
    <message>
        <source>Decline the offer from %1</source>
        <translation>Rifiuta l&apos;offerta da %1</translation>
    </message>
    <message>
        <source>Offer: %1, %2</source>
        <translation>Offerta: %1, %2</translation>
    </message>
</context>
<context>
    <name>OfferNotifier</name>
    <message>
        <source>Unisono</source>
        <translation>Unisono</translation>
    </message>
    <message>
        <source>New offer: %1</source>
        <translation>Nuova offerta: %1</translation>
    </message>
</context>
<context>
    <name>OpenTicketsModel</name>
    <message>
        <source>%1 priority</source>
        <translation>priorità %1</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>non assegnato</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>aggiornato %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>scadenza %1</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Scaduto</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
</context>
<context>
    <name>PerformancePanel</name>
    <message>
        <source>Today</source>
        <translation>Oggi</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ieri</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Ultimi 7 giorni</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Ultimi 30 giorni</translation>
    </message>
    <message>
        <source>Per agent</source>
        <translation>Per operatore</translation>
    </message>
    <message>
        <source>Per team</source>
        <translation>Per team</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aggiorna</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periodo:</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Could not read the report: %1</source>
        <translation>Impossibile leggere il report: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Caricamento…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferenze</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Lingua del sistema</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Colori</translation>
    </message>
    <message>
        <source>System colours</source>
        <translation>Colori del sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Chiari</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Scuri</translation>
    </message>
    <message>
        <source>The new language is used from the next start of Unisono.</source>
        <translation>La nuova lingua si usa dal prossimo avvio di Unisono.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Lingua:</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Colori:</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossibile scrivere %1: %2</translation>
    </message>
</context>
<context>
    <name>QueueBoardModel</name>
    <message>
        <source>All sites</source>
        <translation>Tutte le sedi</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>%1 % in %2</source>
        <translation>%1 % in %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 of %2 answered within the target</source>
        <translation>%1 su %2 risposti entro l&apos;obiettivo</translation>
    </message>
    <message>
        <source>Average speed of answer: the mean wait of answered contacts</source>
        <translation>Velocità media di risposta: l&apos;attesa media dei contatti risposti</translation>
    </message>
    <message>
        <source>Contacts answered within the queue&apos;s target time, today</source>
        <translation>Contatti risposti entro il tempo obiettivo della coda, oggi</translation>
    </message>
    <message>
        <source>Average handle time: from the answer to the end of after-call work</source>
        <translation>Tempo medio di gestione: dalla risposta alla fine del post-chiamata</translation>
    </message>
    <message>
        <source>Average customer sentiment, from -1 (negative) to 1 (positive)</source>
        <translation>Sentiment medio dei clienti, da -1 (negativo) a 1 (positivo)</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Coda</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canale</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>In attesa</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>Attesa massima</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Offerti</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Risposti</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abbandonati</translation>
    </message>
    <message>
        <source>ASA</source>
        <translation>VMR</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>Livello di servizio</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Obiettivo</translation>
    </message>
    <message>
        <source>AHT</source>
        <translation>TMG</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>CSAT</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>Sentiment</translation>
    </message>
</context>
<context>
    <name>RejectedCommandsDialog</name>
    <message>
        <source>Changes the server refused</source>
        <translation>Modifiche rifiutate dal server</translation>
    </message>
    <message>
        <source>The server refused these changes. Send one again once the reason no longer holds, or discard it: discarding also takes it off this desk.</source>
        <translation>Il server ha rifiutato queste modifiche. Inviane una di nuovo quando il motivo non vale più, oppure scartala: scartarla la toglie anche da questa postazione.</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>Modifiche rifiutate</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Invia di nuovo</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Scarta</translation>
    </message>
</context>
<context>
    <name>RejectedCommandsModel</name>
    <message>
        <source>Change of state</source>
        <translation>Cambio di stato</translation>
    </message>
    <message>
        <source>Accept offer</source>
        <translation>Accetta offerta</translation>
    </message>
    <message>
        <source>Decline offer</source>
        <translation>Rifiuta offerta</translation>
    </message>
    <message>
        <source>Put on hold</source>
        <translation>Metti in attesa</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Riprendi</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Trasferisci</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Termina</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Risposta</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Finish wrap-up</source>
        <translation>Chiudi il post-chiamata</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>Nuovo ticket</translation>
    </message>
    <message>
        <source>Ticket change</source>
        <translation>Modifica del ticket</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Richiamata</translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation>Unisci clienti</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>Annulla unione</translation>
    </message>
    <message>
        <source>Link identity</source>
        <translation>Collega identità</translation>
    </message>
    <message>
        <source>new %1</source>
        <translation>nuovo %1</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modifica</translation>
    </message>
    <message>
        <source>Why the server refused it</source>
        <translation>Perché il server l&apos;ha rifiutata</translation>
    </message>
</context>
<context>
    <name>ReplyComposer</name>
    <message>
        <source>Canned responses</source>
        <translation>Risposte predefinite</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Inserisci</translation>
    </message>
    <message>
        <source>Insert the canned response</source>
        <translation>Inserisci la risposta predefinita</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Risposta</translation>
    </message>
    <message>
        <source>Write the reply…</source>
        <translation>Scrivi la risposta…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Invia</translation>
    </message>
    <message>
        <source>Send the reply</source>
        <translation>Invia la risposta</translation>
    </message>
    <message>
        <source>Replace %1 before sending: there is no value for it.</source>
        <translation>Sostituisci %1 prima di inviare: non c&apos;è un valore da inserire.</translation>
    </message>
</context>
<context>
    <name>SessionTabs</name>
    <message>
        <source>No customer session is open.

Find a customer with Ctrl+K, or accept an offer from My work: their session opens here.</source>
        <translation>Nessuna sessione cliente aperta.

Trova un cliente con Ctrl+K, o accetta un&apos;offerta da Il mio lavoro: la sua sessione si apre qui.</translation>
    </message>
    <message>
        <source>Customer sessions</source>
        <translation>Sessioni dei clienti</translation>
    </message>
</context>
<context>
    <name>ShiftCharts</name>
    <message>
        <source>Contacts</source>
        <translation>Contatti</translation>
    </message>
    <message>
        <source>Waiting contacts and service level</source>
        <translation>Contatti in attesa e livello di servizio</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>In attesa</translation>
    </message>
    <message>
        <source>Service level %</source>
        <translation>Livello di servizio %</translation>
    </message>
    <message>
        <source>Why customers contact us (today)</source>
        <translation>Perché i clienti ci contattano (oggi)</translation>
    </message>
    <message>
        <source>Sentiment by channel</source>
        <translation>Sentiment per canale</translation>
    </message>
    <message>
        <source>Channel mix (today)</source>
        <translation>Ripartizione per canale (oggi)</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasti</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Unisono</source>
        <translation>Accedi a Unisono</translation>
    </message>
    <message>
        <source>Local demo hub</source>
        <translation>Hub dimostrativo locale</translation>
    </message>
    <message>
        <source>The hub&apos;s address, such as https://hub.example.com:8443. Leave it empty to use the demo hub Unisono starts on this computer.</source>
        <translation>L&apos;indirizzo dell&apos;hub, ad esempio https://hub.example.com:8443. Lascialo vuoto per usare l&apos;hub dimostrativo che Unisono avvia su questo computer.</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Indirizzo dell&apos;hub</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utente</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Hub address:</source>
        <translation>Indirizzo dell&apos;&amp;hub:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utente:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Accedi</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Esci</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a hub address: write it as https://hub.example.com:8443, or leave it empty for the local demo hub.</source>
        <translation>&quot;%1&quot; non è un indirizzo di hub: scrivilo come https://hub.example.com:8443, o lascialo vuoto per l&apos;hub dimostrativo locale.</translation>
    </message>
    <message>
        <source>Both the user and the password are needed.</source>
        <translation>Servono sia l&apos;utente sia la password.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Accesso in corso…</translation>
    </message>
</context>
<context>
    <name>SocialActivityModel</name>
    <message>
        <source>Posts</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Menzioni</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commenti</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>Messaggi diretti</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>Mi piace</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Condivisioni</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Follows</source>
        <translation>Follow</translation>
    </message>
    <message>
        <source>Very high</source>
        <translation>Molto alta</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bassa</translation>
    </message>
    <message>
        <source>Liked a post</source>
        <translation>Ha messo mi piace a un post</translation>
    </message>
    <message>
        <source>Shared a post</source>
        <translation>Ha condiviso un post</translation>
    </message>
    <message>
        <source>Started following us</source>
        <translation>Ha iniziato a seguirci</translation>
    </message>
    <message>
        <source>Tagged us</source>
        <translation>Ci ha taggato</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(nessun testo)</translation>
    </message>
    <message>
        <source>@%1 (us)</source>
        <translation>@%1 (noi)</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>Rischio di abbandono</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativo</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positivo</translation>
    </message>
</context>
<context>
    <name>SupervisorDesk</name>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>&amp;Supervisor board</source>
        <translation>Bacheca del &amp;supervisore</translation>
    </message>
</context>
<context>
    <name>SupervisorFeed</name>
    <message>
        <source>This account may not see the supervisor board (%1).</source>
        <translation>Questo account non può vedere la bacheca del supervisore (%1).</translation>
    </message>
    <message>
        <source>Cannot read the centre&apos;s figures: %1</source>
        <translation>Impossibile leggere i dati del centro: %1</translation>
    </message>
</context>
<context>
    <name>SupervisorView</name>
    <message>
        <source>Supervisor board — Unisono</source>
        <translation>Bacheca del supervisore — Unisono</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>In diretta</translation>
    </message>
    <message>
        <source>Shift charts</source>
        <translation>Grafici del turno</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Avvisi</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Prestazioni</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Esporta CSV…</translation>
    </message>
    <message>
        <source>Thresholds…</source>
        <translation>Soglie…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Esporta CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>File CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Not connected to the server yet.</source>
        <translation>Non ancora connesso al server.</translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <source>Working offline</source>
        <translation>Lavoro offline</translation>
    </message>
    <message>
        <source>Started with --offline: this desk works from its local database and neither sends nor receives changes.</source>
        <translation>Avviato con --offline: questa postazione lavora dal suo database locale e non invia né riceve modifiche.</translation>
    </message>
    <message>
        <source>Online · synced %1</source>
        <translation>Online · sincronizzato %1</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connessione…</translation>
    </message>
    <message>
        <source>Offline — retrying in %1 s</source>
        <translation>Offline — nuovo tentativo tra %1 s</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to send</source>
        <translation>
            <numerusform>%n modifica in attesa di invio</numerusform>
            <numerusform>%n modifiche in attesa di invio</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the server</source>
        <translation>
            <numerusform>%n modifica rifiutata dal server</numerusform>
            <numerusform>%n modifiche rifiutate dal server</numerusform>
        </translation>
    </message>
    <message>
        <source>Synchronising with %1</source>
        <translation>Sincronizzazione con %1</translation>
    </message>
    <message>
        <source>Last complete sync: %1</source>
        <translation>Ultima sincronizzazione completa: %1</translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation>Non ancora sincronizzato</translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation>Ultimo problema: %1</translation>
    </message>
    <message>
        <source>Changes made on this desk are kept and sent as soon as the connection is back.</source>
        <translation>Le modifiche fatte su questa postazione sono conservate e inviate appena torna la connessione.</translation>
    </message>
</context>
<context>
    <name>ThresholdsDialog</name>
    <message>
        <source>Service level under the queue&apos;s target</source>
        <translation>Livello di servizio sotto l&apos;obiettivo della coda</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Soglie</translation>
    </message>
    <message>
        <source>Highlight agents</source>
        <translation>Evidenzia operatori</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Not ready for more than</source>
        <translation>Non pronti da più di</translation>
    </message>
    <message>
        <source>After-call work for more than</source>
        <translation>In post-chiamata da più di</translation>
    </message>
    <message>
        <source>Alert on queues</source>
        <translation>Avvisi sulle code</translation>
    </message>
    <message>
        <source>Every queue (default)</source>
        <translation>Tutte le code (predefinito)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>off</source>
        <translation>no</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Coda</translation>
    </message>
    <message>
        <source>Longest wait over</source>
        <translation>Attesa massima oltre</translation>
    </message>
    <message>
        <source>Abandoned over</source>
        <translation>Abbandoni oltre</translation>
    </message>
    <message>
        <source>Social: negative sentiment (last 15 min) from</source>
        <translation>Social: sentiment negativo (ultimi 15 min) da</translation>
    </message>
    <message>
        <source>Only after this many contacts</source>
        <translation>Solo dopo questo numero di contatti</translation>
    </message>
</context>
<context>
    <name>TicketDialog</name>
    <message>
        <source>Create Ticket</source>
        <translation>Crea ticket</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Oggetto</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Oggetto</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Descrizione</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorità</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bassa</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorità</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Search customers</source>
        <translation>Cerca clienti</translation>
    </message>
    <message>
        <source>Search name, phone, email, handle, id… (Ctrl+K)</source>
        <translation>Cerca nome, telefono, e-mail, account, id… (Ctrl+K)</translation>
    </message>
    <message>
        <source>Find a customer (Ctrl+K). Phone numbers match in any format.</source>
        <translation>Trova un cliente (Ctrl+K). I numeri di telefono si trovano in qualsiasi formato.</translation>
    </message>
    <message>
        <source>Changes the server refused</source>
        <translation>Modifiche rifiutate dal server</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Esci dall&apos;account</translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n rifiutata</numerusform>
            <numerusform>%n rifiutate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server refused %n of your changes: see why, and send again or discard.</source>
        <translation>
            <numerusform>Il server ha rifiutato %n tua modifica: vedi perché, e inviala di nuovo o scartala.</numerusform>
            <numerusform>Il server ha rifiutato %n tue modifiche: vedi perché, e inviale di nuovo o scartale.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Accesso come %1</translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <source>Note by %1</source>
        <translation>Nota di %1</translation>
    </message>
    <message>
        <source>an agent</source>
        <translation>un operatore</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Operatore</translation>
    </message>
    <message>
        <source>Bot</source>
        <translation>Bot</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>%1 · %2
%3</source>
        <translation>%1 · %2
%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Workstation</name>
    <message>
        <source>This desk works offline (--offline): it sends nothing, so it takes no actions. Start Unisono with a hub to work.</source>
        <translation>Questa postazione lavora offline (--offline): non invia nulla, quindi non esegue azioni. Avvia Unisono con un hub per lavorare.</translation>
    </message>
    <message>
        <source>the local demo hub</source>
        <translation>l&apos;hub dimostrativo locale</translation>
    </message>
</context>
<context>
    <name>WrapUpPanel</name>
    <message>
        <source>Internal note</source>
        <translation>Nota interna</translation>
    </message>
    <message>
        <source>Internal note (not sent to the customer)…</source>
        <translation>Nota interna (non inviata al cliente)…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Aggiungi nota</translation>
    </message>
    <message>
        <source>Add the note</source>
        <translation>Aggiungi la nota</translation>
    </message>
    <message>
        <source>Write a note</source>
        <translation>Scrivi una nota</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Choose the outcome…</source>
        <translation>Scegli l&apos;esito…</translation>
    </message>
    <message>
        <source>Contact reason</source>
        <translation>Motivo del contatto</translation>
    </message>
    <message>
        <source>Choose why they contacted us…</source>
        <translation>Scegli perché ci hanno contattato…</translation>
    </message>
    <message>
        <source>&amp;Disposition</source>
        <translation>&amp;Esito</translation>
    </message>
    <message>
        <source>Contact &amp;reason</source>
        <translation>&amp;Motivo del contatto</translation>
    </message>
    <message>
        <source>Finish wrap-up</source>
        <translation>Chiudi il post-chiamata</translation>
    </message>
    <message>
        <source>Wrap-up is finished.</source>
        <translation>Post-chiamata chiuso.</translation>
    </message>
    <message>
        <source>End the interaction first; then finish its wrap-up.</source>
        <translation>Prima termina l&apos;interazione, poi chiudi il post-chiamata.</translation>
    </message>
    <message>
        <source>Choose a disposition and a contact reason to finish wrap-up.</source>
        <translation>Scegli un esito e un motivo del contatto per chiudere il post-chiamata.</translation>
    </message>
    <message>
        <source>Choose a disposition to finish wrap-up.</source>
        <translation>Scegli un esito per chiudere il post-chiamata.</translation>
    </message>
    <message>
        <source>Choose a contact reason to finish wrap-up.</source>
        <translation>Scegli un motivo del contatto per chiudere il post-chiamata.</translation>
    </message>
</context>
</TS>
