const echarts = require('echarts');
const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
chart.setOption({ animation:false, xAxis:{type:'category',data:['1x','2x','5x','10x']}, yAxis:{type:'value'}, series:[{type:'line',data:[1,2,5,10]}] });
const s = chart.renderToSVGString(); console.log(s.length, s.slice(0,200));
