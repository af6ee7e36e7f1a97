/// The style sheet and script of the HTML report and the HTML diff, inlined into every file
/// (no network, no external fonts: the system's sans-serif, which on every current system
/// covers Vietnamese).
enum HTMLAssets {
    static let head: StaticString = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="PlanParser">

        """

    static let css: StaticString = """
        <style>
        :root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--accent:#0b57d0;--lead:#0b57d0;--support:#8ab4f8;
        --added:#e6f4ea;--added-ink:#137333;--removed:#fce8e6;--removed-ink:#a50e0e;--moved:#e8f0fe;--moved-ink:#174ea6;
        --modified:#fef7e0;--modified-ink:#8a5300}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,"DejaVu Sans",sans-serif;color:var(--ink);background:#fff}
        main{max-width:1400px;margin:0 auto;padding:16px}
        h1{font-size:1.45rem;line-height:1.25;margin:.2rem 0 .4rem}
        h2{font-size:1.15rem;margin:1.6rem 0 .6rem;padding-bottom:.25rem;border-bottom:2px solid var(--line)}
        a{color:var(--accent)}
        small,.muted{color:var(--muted)}
        .doc{margin-bottom:3rem}
        .doc+.doc{border-top:4px double var(--line);padding-top:1rem}
        .kind{font-weight:700;letter-spacing:.04em;margin:0;color:var(--muted)}
        .issuer{margin:0;font-weight:600}
        .facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.5rem 0;font-size:.92rem}
        .facts dt{color:var(--muted)}.facts dd{margin:0;overflow-wrap:anywhere}
        .counts{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:.6rem 0}
        .counts li{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.2rem .6rem}
        nav.jump{display:flex;flex-wrap:wrap;gap:.2rem .9rem;font-size:.92rem;margin:.4rem 0}
        .outline ol{list-style:none;margin:0;padding-left:1.1rem}.outline>details>ol{padding-left:0}
        .outline li{margin:.1rem 0}.outline .ln{color:var(--muted);font-size:.8rem;margin-left:.4rem}
        .outline .n{color:var(--muted);font-size:.8rem}
        form.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:.4rem 0 .8rem;position:sticky;top:0;background:#fff;padding:.4rem 0;z-index:2;border-bottom:1px solid var(--line)}
        form.filters label{display:flex;flex-direction:column;font-size:.78rem;color:var(--muted);gap:.1rem}
        form.filters select,form.filters input,form.filters button{font:inherit;font-size:.9rem;padding:.3rem .4rem;border:1px solid var(--line);border-radius:6px;background:#fff;color:var(--ink);max-width:22rem}
        form.filters input[type=search]{min-width:14rem}
        form.filters button{cursor:pointer;background:var(--soft)}
        form.filters output{font-size:.9rem;color:var(--muted);margin-left:auto;align-self:center}
        table{border-collapse:collapse;width:100%}
        th,td{border:1px solid var(--line);padding:.3rem .45rem;vertical-align:top;text-align:left}
        thead th{background:var(--soft);font-size:.85rem;position:sticky;top:3.6rem;z-index:1}
        td ul{margin:0;padding-left:1rem}td li{margin:0}
        .task-table{table-layout:fixed}
        .c-id{width:7%}.c-task{width:30%}.c-unit{width:12%}.c-products{width:13%}.c-time{width:13%}.c-due{width:7.5%}.c-line{width:5.5%}
        .task-table td{overflow-wrap:anywhere}
        .task-table .id{font-variant-numeric:tabular-nums}
        .task-table .sec{display:block;font-size:.8rem;color:var(--muted)}
        .task-table .num{font-weight:600;margin-right:.3rem}
        .task-table .title{font-weight:500}
        .task-table .extra{font-size:.85rem;color:var(--muted);margin-top:.2rem}
        .task-table .extra ul{padding-left:1rem}
        .badge{display:inline-block;font-size:.72rem;border:1px solid var(--line);border-radius:4px;padding:0 .3rem;margin-left:.3rem;color:var(--muted);background:#fff}
        .time small{display:block}
        .due{white-space:nowrap;font-variant-numeric:tabular-nums}
        .line{white-space:nowrap;color:var(--muted);font-size:.85rem}
        tr[hidden],.tl-row[hidden]{display:none}
        .workload td{border-left:0;border-right:0}
        .workload .bar{display:flex;height:1.05rem;min-width:2px}
        .workload .bar span{display:block;height:100%}
        .workload .bar .l{background:var(--lead)}.workload .bar .s{background:var(--support)}
        .workload .c{width:4rem;text-align:right;font-variant-numeric:tabular-nums}
        .workload .u{width:34%}
        .workload button{font:inherit;border:0;background:none;padding:0;color:var(--accent);cursor:pointer;text-align:left}
        .key{display:flex;gap:1rem;font-size:.85rem;color:var(--muted);margin:.3rem 0}
        .key i{display:inline-block;width:.9rem;height:.9rem;vertical-align:-.15rem;margin-right:.3rem}
        .timeline{font-size:.8rem}
        .tl-head,.tl-row{display:grid;grid-template-columns:minmax(7rem,22%) 1fr;align-items:center}
        .tl-scale{display:grid;grid-template-columns:repeat(var(--cols),1fr);border-left:1px solid var(--line)}
        .tl-scale span{border-right:1px solid var(--line);text-align:center;color:var(--muted);padding:.1rem 0;white-space:nowrap;overflow:hidden}
        .tl-scale.top span{font-weight:600;color:var(--ink)}
        .tl-row{min-height:1.35rem;border-top:1px solid #eef1f4}
        .tl-label{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;padding-right:.4rem}
        .tl-label b{font-weight:600;margin-right:.3rem}
        .tl-track{position:relative;height:1.35rem;background-image:linear-gradient(to right,var(--line) 1px,transparent 1px);background-size:calc(100% / var(--cols)) 100%;border-right:1px solid var(--line)}
        .tl-bar{position:absolute;top:.3rem;height:.75rem;border-radius:3px;background:#4c8df6;min-width:3px}
        .tl-bar.continuous{background:repeating-linear-gradient(45deg,#a8c7fa,#a8c7fa 4px,#d3e3fd 4px,#d3e3fd 8px)}
        .tl-bar.periodic{background:#c2e7ff}
        .tl-bar.clipped-left{border-top-left-radius:0;border-bottom-left-radius:0}
        .tl-bar.clipped-right{border-top-right-radius:0;border-bottom-right-radius:0}
        .tl-mark{position:absolute;top:.22rem;width:.62rem;height:.62rem;margin-left:-.31rem;transform:rotate(45deg);background:#c5221f;border:1px solid #fff}
        .tl-mark.periodic{background:#f29900}
        .warnings td:first-child{white-space:nowrap;font-variant-numeric:tabular-nums}
        code{font-size:.85em;background:var(--soft);padding:0 .25rem;border-radius:3px}
        .empty{color:var(--muted);font-style:italic}
        .chips{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:.6rem 0}
        .chips li,.chips label{border-radius:999px;padding:.15rem .7rem;font-size:.9rem;border:1px solid var(--line)}
        .k-added{background:var(--added);color:var(--added-ink)}.k-removed{background:var(--removed);color:var(--removed-ink)}
        .k-moved{background:var(--moved);color:var(--moved-ink)}.k-modified{background:var(--modified);color:var(--modified-ink)}
        .change{border:1px solid var(--line);border-left-width:6px;border-radius:6px;padding:.5rem .7rem;margin:.5rem 0}
        .change.added{border-left-color:var(--added-ink)}.change.removed{border-left-color:var(--removed-ink)}
        .change.moved{border-left-color:var(--moved-ink)}.change.modified{border-left-color:var(--modified-ink)}
        .change .ids{font-variant-numeric:tabular-nums;font-weight:600}
        .change .title{margin:.15rem 0}
        .change table{margin-top:.3rem;font-size:.9rem}
        .change th{width:7rem;background:var(--soft)}
        ins{background:#ccebd7;color:#0d652d;text-decoration:none;border-radius:2px;padding:0 .1rem}
        del{background:#fad2cf;color:#a50e0e;border-radius:2px;padding:0 .1rem}
        .rel{font-size:.85rem;color:var(--muted)}
        @media (max-width:760px){
        main{padding:10px}
        thead{display:none}
        .task-table,.task-table tbody,.task-table tr,.task-table td{display:block;width:100%}
        .task-table tr{border:1px solid var(--line);border-radius:8px;margin:.6rem 0;padding:.3rem}
        .task-table tr[hidden]{display:none}
        .task-table td{border:0;padding:.15rem .3rem}
        .task-table td[data-label]::before{content:attr(data-label);display:block;font-size:.72rem;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
        form.filters{position:static}
        form.filters input[type=search]{min-width:0;width:100%}
        form.filters label{flex:1 1 45%}
        .tl-head,.tl-row{grid-template-columns:5.5rem 1fr}
        .tl-label span{display:none}
        .workload .u{width:45%}
        }
        @media print{
        body{font-size:10pt}
        main{max-width:none;padding:0}
        form.filters,nav.jump,.no-print{display:none!important}
        thead th{position:static}
        tr,.tl-row,.change{break-inside:avoid}
        h2{break-after:avoid}
        details>*{display:block}
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        a{color:inherit;text-decoration:none}
        }
        </style>

        """

    /// Filters, sorting and links of the report: `#unit=KEY&role=lead&section=N&origin=table&q=TEXT&sort=due`
    /// in the address opens the report filtered (and the address follows the filters).
    static let reportScript: StaticString = """
        <script>
        (function(){
        "use strict";
        function fold(s){return s.normalize("NFD").replace(/[\\u0300-\\u036f]/g,"").replace(/[\\u0111\\u0110]/g,"d").toLowerCase();}
        function params(){var p={};location.hash.replace(/^#/,"").split("&").forEach(function(kv){if(!kv)return;var i=kv.indexOf("=");var k=i<0?kv:kv.slice(0,i);var v=i<0?"":kv.slice(i+1);try{p[decodeURIComponent(k)]=decodeURIComponent(v.replace(/\\+/g," "));}catch(e){}});return p;}
        var docs=document.querySelectorAll("article.doc");
        var forms=[];
        Array.prototype.forEach.call(docs,function(doc){
        var form=doc.querySelector("form.filters");if(!form)return;
        var tbody=doc.querySelector("table.task-table tbody");
        var rows=Array.prototype.slice.call(tbody.rows);
        var text=rows.map(function(r){return fold(r.textContent);});
        var bars={};Array.prototype.forEach.call(doc.querySelectorAll(".tl-row"),function(b){bars[b.getAttribute("data-task")]=b;});
        var out=form.querySelector("output");
        var sort="doc";
        function apply(write){
        var unit=form.elements.unit.value,role=form.elements.role.value,section=form.elements.section.value,origin=form.elements.origin.value;
        var words=fold(form.elements.q.value).split(/\\s+/).filter(Boolean);
        var n=0;
        rows.forEach(function(r,i){
        var ok=true;
        if(unit){var k="|"+unit+"|";var l=r.getAttribute("data-lead").indexOf(k)>=0,s=r.getAttribute("data-support").indexOf(k)>=0;ok=role==="lead"?l:role==="support"?s:(l||s);}
        if(ok&&section)ok=r.getAttribute("data-section")===section;
        if(ok&&origin)ok=r.getAttribute("data-origin")===origin;
        if(ok)for(var w=0;w<words.length;w++){if(text[i].indexOf(words[w])<0){ok=false;break;}}
        r.hidden=!ok;var b=bars[r.getAttribute("data-task")];if(b)b.hidden=!ok;if(ok)n++;});
        out.value=n+" of "+rows.length+" tasks";
        if(write){var p=[];[["unit",unit],["role",role==="any"?"":role],["section",section],["origin",origin],["q",form.elements.q.value.trim()],["sort",sort==="doc"?"":sort]].forEach(function(kv){if(kv[1])p.push(kv[0]+"="+encodeURIComponent(kv[1]));});
        try{history.replaceState(null,"",p.length?"#"+p.join("&"):location.pathname+location.search);}catch(e){}}
        }
        function order(){
        var sorted=rows.slice();
        if(sort!=="doc"){var dir=sort==="due"?1:-1;sorted.sort(function(a,b){var x=a.getAttribute("data-due"),y=b.getAttribute("data-due");if(!x&&!y)return rows.indexOf(a)-rows.indexOf(b);if(!x)return 1;if(!y)return -1;return x<y?-dir:x>y?dir:rows.indexOf(a)-rows.indexOf(b);});}
        sorted.forEach(function(r){tbody.appendChild(r);});
        var btn=form.querySelector("button.sort");btn.textContent=sort==="doc"?"Sort by deadline":sort==="due"?"Deadline \\u2191":"Deadline \\u2193";
        btn.setAttribute("aria-pressed",sort==="doc"?"false":"true");
        }
        form.addEventListener("input",function(){apply(true);});
        form.addEventListener("change",function(){apply(true);});
        form.addEventListener("submit",function(e){e.preventDefault();});
        form.querySelector("button.sort").addEventListener("click",function(){sort=sort==="doc"?"due":sort==="due"?"desc":"doc";order();apply(true);});
        form.querySelector("button.reset").addEventListener("click",function(){form.reset();sort="doc";order();apply(true);});
        Array.prototype.forEach.call(doc.querySelectorAll("button[data-unit]"),function(b){b.addEventListener("click",function(){form.elements.unit.value=b.getAttribute("data-unit");form.elements.role.value="any";apply(true);form.scrollIntoView();});});
        forms.push({form:form,load:function(p){
        function set(name,v){var el=form.elements[name];if(v===undefined)return;for(var i=0;i<(el.options||[]).length;i++){if(el.options[i].value===v){el.value=v;return;}}if(!el.options)el.value=v;}
        set("unit",p.unit);set("role",p.role);set("section",p.section);set("origin",p.origin);set("q",p.q);
        if(p.sort==="due"||p.sort==="desc"){sort=p.sort;order();}
        apply(false);}});
        });
        function load(){var p=params();forms.forEach(function(f){f.load(p);});}
        window.addEventListener("hashchange",load);
        load();
        document.documentElement.setAttribute("data-ready","1");
        })();
        </script>

        """

    /// Kind filters and search of the diff view: `#kinds=added,removed&q=TEXT`.
    static let diffScript: StaticString = """
        <script>
        (function(){
        "use strict";
        function fold(s){return s.normalize("NFD").replace(/[\\u0300-\\u036f]/g,"").replace(/[\\u0111\\u0110]/g,"d").toLowerCase();}
        var form=document.querySelector("form.filters");if(!form)return;
        var items=Array.prototype.slice.call(document.querySelectorAll(".change"));
        var text=items.map(function(c){return fold(c.textContent);});
        var out=form.querySelector("output");
        function apply(){
        var kinds={};Array.prototype.forEach.call(form.querySelectorAll("input[name=kind]"),function(b){kinds[b.value]=b.checked;});
        var words=fold(form.elements.q.value).split(/\\s+/).filter(Boolean);var n=0;
        items.forEach(function(c,i){var ok=kinds[c.getAttribute("data-kind")]!==false;if(ok)for(var w=0;w<words.length;w++){if(text[i].indexOf(words[w])<0){ok=false;break;}}c.hidden=!ok;if(ok)n++;});
        Array.prototype.forEach.call(document.querySelectorAll("section.group"),function(g){g.hidden=!g.querySelector(".change:not([hidden])");});
        out.value=n+" of "+items.length+" changes";
        }
        form.addEventListener("input",apply);form.addEventListener("change",apply);
        form.addEventListener("submit",function(e){e.preventDefault();});
        var p={};location.hash.replace(/^#/,"").split("&").forEach(function(kv){var i=kv.indexOf("=");if(i>0){try{p[kv.slice(0,i)]=decodeURIComponent(kv.slice(i+1));}catch(e){}}});
        if(p.kinds!==undefined){var on=p.kinds.split(",");Array.prototype.forEach.call(form.querySelectorAll("input[name=kind]"),function(b){b.checked=on.indexOf(b.value)>=0;});}
        if(p.q!==undefined)form.elements.q.value=p.q;
        apply();
        document.documentElement.setAttribute("data-ready","1");
        })();
        </script>

        """
}
